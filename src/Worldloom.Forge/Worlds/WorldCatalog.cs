using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Forge.Core.World;
using Worldloom.Platform.Data;

namespace Worldloom.Forge.Worlds;

/// <summary><see cref="IWorldCatalog"/> over Forge's tables and <see cref="WorldStore"/>.</summary>
internal sealed class WorldCatalog(IServiceScopeFactory scopes, WorldStore store) : IWorldCatalog
{
    /// <inheritdoc />
    public async Task<CatalogWorld?> FindWorldAsync(Guid worldId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var world = await WorldAccess.FindWorldAsync(scope.ServiceProvider.GetRequiredService<LoomDb>(), worldId, user, cancellationToken);
        return world is null ? null : new CatalogWorld(world.Id, world.ProjectId, world.OwnerId, world.Name, world.Status, world.Hash);
    }

    /// <inheritdoc />
    public async Task<ForgeWorld?> LoadWorldAsync(Guid worldId, string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        using (var scope = scopes.CreateScope())
        {
            // Blobs are shared by content: the hash must be one of this world's snapshots, not any document in the store.
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            if (!await db.Set<WorldSnapshot>().AnyAsync(s => s.WorldId == worldId && s.Hash == hash, cancellationToken))
            {
                return null;
            }
        }

        return (await store.LoadAsync(hash, cancellationToken))?.World;
    }
}
