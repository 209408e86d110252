using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;
using static Worldloom.Forge.Rules.ScriptValues;

namespace Worldloom.Forge.Rules;

/// <summary>
/// The script's <c>world</c>: plain values and functions built for one hook call, never a wrapped .NET object. Reads
/// show the world as the stage left it (edits made in the hook take effect when it returns); a layer a later stage
/// makes is a clear error, not an empty list. Edits are in <c>ScriptWorld.Edits.cs</c>.
/// </summary>
internal static partial class ScriptWorld
{
    // The pipeline order, which says which lists exist after a stage. The maps (heightmap, climate, biomes,
    // hydrology, regions) are checked directly; the lists cannot be, since an empty list is also a stage's output.
    private static readonly string[] StageOrder = WorldPipeline.Stages.Select(s => s.Name).ToArray();

    // Cell reads hand out shared immutable values, because Jint charges every allocation, garbage included, to the
    // hook's memory limit: a fresh number or string per read would make a full-map scan cost megabytes.
    private static readonly JsNumber[] Elevations = Enumerable.Range(0, ushort.MaxValue + 1).Select(e => JsNumber.Create(e)).ToArray();
    private static readonly JsString[] BiomeStrings = BiomeNames.All.Select(name => new JsString(name)).ToArray();

    public static JsObject Create(Engine engine, HookContext hook)
    {
        var world = hook.World;
        var result = Object(engine,
            ("width", JsNumber.Create(world.Width)),
            ("height", JsNumber.Create(world.Height)),
            ("elevation", Cell(engine, hook, "elevation", "heightmap", (x, y) => Elevations[world.Heightmap![x, y]], () => world.Heightmap)),
            ("isLand", Cell(engine, hook, "isLand", "heightmap", (x, y) => Bool(world.Heightmap!.IsLand(x, y)), () => world.Heightmap)),
            ("biome", Cell(engine, hook, "biome", "biomes", (x, y) => BiomeStrings[(int)world.Biomes![x, y]], () => world.Biomes)),
            ("temperature", Cell(engine, hook, "temperature", "climate", (x, y) => JsNumber.Create(world.Climate!.TemperatureAt(x, y)), () => world.Climate)),
            ("moisture", Cell(engine, hook, "moisture", "climate", (x, y) => JsNumber.Create(world.Climate!.MoistureAt(x, y)), () => world.Climate)));

        Lazy(engine, hook, result, "seaLevel", "heightmap", () => world.Heightmap is not null, () => JsNumber.Create(world.Heightmap!.SeaLevel));
        Lazy(engine, hook, result, "settlements", "settlements", () => Reached(hook, "settlements"), () => Array(engine, world.Settlements.Select(s => Settlement(engine, s))));
        Lazy(engine, hook, result, "regions", "regions", () => world.RegionMap is not null, () => Array(engine, world.Regions.Select(r => Region(engine, r))));
        Lazy(engine, hook, result, "factions", "regions", () => world.RegionMap is not null, () => Array(engine, world.Factions.Select(f => Faction(engine, f))));
        Lazy(engine, hook, result, "npcs", "npcs", () => Reached(hook, "npcs"), () => Array(engine, world.Npcs.Select(n => Npc(engine, n))));
        Lazy(engine, hook, result, "rivers", "hydrology", () => world.Hydrology is not null, () => Array(engine, world.Hydrology!.Rivers.Select(r => River(engine, r))));
        Lazy(engine, hook, result, "pois", "pois", () => Reached(hook, "pois"), () => Array(engine, world.PointsOfInterest.Select(p => Poi(engine, p))));
        AddEdits(engine, hook, result);
        return result;
    }

    /// <summary>Whether the hook runs at or after <paramref name="stage"/>; a stage not in the known order counts as after all.</summary>
    private static bool Reached(HookContext hook, string stage)
    {
        var current = System.Array.IndexOf(StageOrder, hook.Stage);
        return current < 0 || current >= System.Array.IndexOf(StageOrder, stage);
    }

    private static JavaScriptException NotYet(Engine engine, HookContext hook, string what, string producer) =>
        new(engine.Intrinsics.Error, $"world.{what} is not available in {RuleScript.HookName(hook.Stage)}: the {producer} stage has not run yet.");

    /// <summary>A read-only property computed on first read and kept for the rest of the hook.</summary>
    private static void Lazy(Engine engine, HookContext hook, JsObject target, string name, string producer, Func<bool> available, Func<JsValue> build)
    {
        JsValue? value = null;
        var getter = new ClrFunction(engine, "get " + name, (_, _) =>
        {
            hook.EnsureOpen(engine, "world");
            return available() ? value ??= build() : throw NotYet(engine, hook, name, producer);
        });
        target.DefineOwnProperty(name, new GetSetPropertyDescriptor(getter, JsValue.Undefined, enumerable: true, configurable: false));
    }

    /// <summary>
    /// A function of a cell (x, y) reading one layer. A full-map scan calls it once per cell, so it allocates nothing
    /// per call: Jint counts every allocated byte against the memory limit, garbage included.
    /// </summary>
    private static ClrFunction Cell(Engine engine, HookContext hook, string name, string producer, Func<int, int, JsValue> read, Func<object?> layer)
    {
        var call = $"world.{name}(x, y)";
        var xLabel = $"{call}: x";
        var yLabel = $"{call}: y";
        return new ClrFunction(engine, name, (_, args) =>
        {
            hook.EnsureOpen(engine, "world");
            if (layer() is null)
            {
                throw NotYet(engine, hook, name, producer);
            }

            var (x, y) = Point(engine, hook, args, call, xLabel, yLabel);
            return read(x, y);
        });
    }

    private static (int X, int Y) Point(Engine engine, HookContext hook, JsValue[] args, string call, string xLabel, string yLabel)
    {
        var x = Int(engine, Arg(args, 0), xLabel);
        var y = Int(engine, Arg(args, 1), yLabel);
        if (x < 0 || y < 0 || x >= hook.World.Width || y >= hook.World.Height)
        {
            throw RangeError(engine, $"{call}: ({x}, {y}) is outside the world (x 0–{hook.World.Width - 1}, y 0–{hook.World.Height - 1}).");
        }

        return (x, y);
    }

    private static JsObject Settlement(Engine engine, Settlement s) => Object(engine,
        ("id", new JsString(s.Id)),
        ("name", new JsString(s.Name)),
        ("x", JsNumber.Create(s.Location.X)),
        ("y", JsNumber.Create(s.Location.Y)),
        ("size", new JsString(s.Size.ToString().ToLowerInvariant())),
        ("population", JsNumber.Create(s.Population)),
        ("culture", new JsString(s.Culture)),
        ("biome", new JsString(BiomeNames.ToName(s.Biome))),
        ("coastal", Bool(s.Coastal)),
        ("freshWater", Bool(s.FreshWater)),
        ("regionId", Text(s.RegionId)),
        ("factionId", Text(s.FactionId)),
        ("capital", Bool(s.IsCapital)));

    private static JsObject Region(Engine engine, Region r) => Object(engine,
        ("id", new JsString(r.Id)),
        ("name", new JsString(r.Name)),
        ("seatId", new JsString(r.SeatId)),
        ("factionId", new JsString(r.FactionId)),
        ("biome", new JsString(BiomeNames.ToName(r.Biome))),
        ("cells", JsNumber.Create(r.Cells)));

    private static JsObject Faction(Engine engine, Faction f) => Object(engine,
        ("id", new JsString(f.Id)),
        ("name", new JsString(f.Name)),
        ("culture", new JsString(f.Culture)),
        ("capitalId", new JsString(f.CapitalId)),
        ("color", JsNumber.Create(f.Color)),
        ("relations", Array(engine, f.Relations.Select(r => (JsValue)Object(engine,
            ("factionId", new JsString(r.FactionId)),
            ("standing", JsNumber.Create(r.Standing)),
            ("stance", new JsString(r.Stance)))))));

    private static JsObject Npc(Engine engine, Npc n) => Object(engine,
        ("id", new JsString(n.Id)),
        ("name", new JsString(n.Name)),
        ("culture", new JsString(n.Culture)),
        ("settlementId", new JsString(n.SettlementId)),
        ("role", new JsString(n.Role)),
        ("traits", Array(engine, n.Traits.Select(t => (JsValue)new JsString(t)))),
        ("factionId", Text(n.FactionId)),
        ("age", JsNumber.Create(n.Age)),
        ("relationships", Array(engine, n.Relationships.Select(r => (JsValue)Object(engine,
            ("npcId", new JsString(r.NpcId)),
            ("kind", new JsString(r.Kind)))))));

    private static JsObject River(Engine engine, River r) => Object(engine,
        ("id", new JsString(r.Id)),
        ("name", new JsString(r.Name)),
        ("length", JsNumber.Create(r.Path.Count)));

    private static JsObject Poi(Engine engine, PointOfInterest p) => Object(engine,
        ("id", new JsString(p.Id)),
        ("kind", new JsString(p.Kind)),
        ("name", new JsString(p.Name)),
        ("x", JsNumber.Create(p.Location.X)),
        ("y", JsNumber.Create(p.Location.Y)),
        ("regionId", Text(p.RegionId)),
        ("hook", new JsString(p.Hook.Text)),
        ("npcIds", Array(engine, p.Hook.NpcIds.Select(id => (JsValue)new JsString(id)))),
        ("settlementIds", Array(engine, p.Hook.SettlementIds.Select(id => (JsValue)new JsString(id)))));
}
