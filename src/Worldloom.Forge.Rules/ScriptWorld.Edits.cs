using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using static Worldloom.Forge.Rules.ScriptValues;

namespace Worldloom.Forge.Rules;

// The world's edit functions. Each records one WorldOverride, checked at once against the world as the hook's earlier
// edits left it: a bad edit throws a JavaScript Error at the call (with its line), and a script that catches it may go
// on. Nothing reaches the world until the hook returns.
internal static partial class ScriptWorld
{
    private static void AddEdits(Engine engine, HookContext hook, JsObject world)
    {
        Edit(engine, hook, world, "renameSettlement", "id, name", args =>
            new RenameSettlement(String(engine, Arg(args, 0), "id"), String(engine, Arg(args, 1), "name")));
        Edit(engine, hook, world, "moveSettlement", "id, x, y", args =>
            new MoveSettlement(String(engine, Arg(args, 0), "id"), new GridPoint(Int(engine, Arg(args, 1), "x"), Int(engine, Arg(args, 2), "y"))));
        Edit(engine, hook, world, "removeSettlement", "id", args =>
            new DeleteSettlement(String(engine, Arg(args, 0), "id")));
        Edit(engine, hook, world, "setBiome", "x, y, biome", args =>
            new SetCellBiome(new GridPoint(Int(engine, Arg(args, 0), "x"), Int(engine, Arg(args, 1), "y")), Biome(engine, Arg(args, 2), "biome")));
        Edit(engine, hook, world, "setRegionBiome", "id, biome", args =>
            new SetRegionBiome(String(engine, Arg(args, 0), "id"), Biome(engine, Arg(args, 1), "biome")));
        Edit(engine, hook, world, "setRegionFaction", "id, factionId", args =>
            new SetRegionFaction(String(engine, Arg(args, 0), "id"), String(engine, Arg(args, 1), "factionId")));
        Edit(engine, hook, world, "setNpcTraits", "id, traits", args =>
            new PinNpcTraits(String(engine, Arg(args, 0), "id"), Strings(engine, Arg(args, 1), "traits")));
        Edit(engine, hook, world, "addPoi", "{kind, name, x, y, hook}", args =>
        {
            var poi = Arg(args, 0);
            if (!poi.IsObject() || poi.IsArray())
            {
                throw TypeError(engine, "the argument must be an object {kind, name, x, y, hook}.");
            }

            var fields = poi.AsObject();
            return new AddPointOfInterest(
                String(engine, fields.Get("kind"), "kind"),
                String(engine, fields.Get("name"), "name"),
                new GridPoint(Int(engine, fields.Get("x"), "x"), Int(engine, fields.Get("y"), "y")),
                OptionalString(engine, fields.Get("hook"), "hook"));
        });
    }

    private static void Edit(Engine engine, HookContext hook, JsObject world, string name, string parameters, Func<JsValue[], WorldOverride> read)
    {
        world.FastSetDataProperty(name, new ClrFunction(engine, name, (_, args) =>
        {
            hook.EnsureOpen(engine, "world");
            WorldOverride edit;
            try
            {
                edit = read(args);
            }
            catch (JavaScriptException e)
            {
                throw TypeError(engine, $"world.{name}({parameters}): {e.Message}");
            }

            var errors = hook.Batch.Add(edit, name);
            if (errors.Count > 0)
            {
                // Field names come back as "name.field"; the function name already says which call it was.
                var reasons = errors.Select(e => $"{e.Field[(e.Field.IndexOf('.', StringComparison.Ordinal) + 1)..]}: {e.Message}");
                throw new JavaScriptException(engine.Intrinsics.Error, $"world.{name}: {string.Join(" ", reasons)}");
            }

            hook.Accepted.Add(edit);
            return JsValue.Undefined;
        }));
    }
}
