using System.Security.Claims;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// What other modules may know of Forge's worlds, without reading Forge's tables: a world the caller may see (Forge's
/// own ownership rule, <see cref="WorldAccess"/>), and the generated content of one snapshot by its hash.
/// </summary>
public interface IWorldCatalog
{
    /// <summary>The world if <paramref name="user"/> may see it (owner or admin, live project), else null.</summary>
    Task<CatalogWorld?> FindWorldAsync(Guid worldId, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>
    /// The generated world of <paramref name="worldId"/> at snapshot <paramref name="hash"/>, with no ownership check
    /// (for grains, which run on behalf of a record that was checked when it was made); null when the world has no
    /// such snapshot or its blob is gone. Shared and read-only.
    /// </summary>
    Task<ForgeWorld?> LoadWorldAsync(Guid worldId, string hash, CancellationToken cancellationToken);
}
