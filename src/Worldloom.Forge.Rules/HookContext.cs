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
}
