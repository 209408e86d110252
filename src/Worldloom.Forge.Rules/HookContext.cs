using Jint;
using Jint.Runtime;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Rules;

/// <summary>What one hook call works on: the world as the stage left it, the stage's rules stream and the edits so far.</summary>
internal sealed class HookContext(string stage, ForgeWorld world, ChaChaRng rng)
{
    public string Stage { get; } = stage;

    public ForgeWorld World { get; } = world;

    public ChaChaRng Rng { get; } = rng;

    /// <summary>The edits, each checked against the world as the earlier ones of this hook left it.</summary>
    public OverrideBatch Batch { get; } = new(world);

    public List<WorldOverride> Accepted { get; } = [];

    /// <summary>Set when the hook has returned; its world and rng then refuse to work.</summary>
    public bool Closed { get; set; }

    /// <summary>
    /// Throws a JavaScript error when a script kept this hook's <c>world</c> or <c>rng</c> in a global and uses it in a
    /// later hook, where it would read a stale world or edit through a batch already committed.
    /// </summary>
    public void EnsureOpen(Engine engine, string api)
    {
        if (Closed)
        {
            throw new JavaScriptException(engine.Intrinsics.Error, $"{api} belongs to {RuleScript.HookName(Stage)}, which has returned; use the objects passed to the running hook.");
        }
    }
}
