using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Worlds;

/// <summary>A world read back from its document, with the overrides that had been applied to it.</summary>
/// <param name="World">The world.</param>
/// <param name="Overrides">Its overrides, in order.</param>
public sealed record LoadedWorld(ForgeWorld World, IReadOnlyList<WorldOverride> Overrides);
