using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Batches;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Projects;
using Worldloom.Platform.Tokens;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// Ownership checks for Forge endpoints: a world, batch or project the caller does not own answers 404 (not 403), so ids
/// cannot be probed; admins see everything.
/// </summary>
public static class WorldAccess
{
    /// <summary>The world if the caller owns it (or is admin) and its project is not deleted.</summary>
    public static async Task<WorldRecord?> FindWorldAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var isAdmin = user.IsInRole(Roles.Admin);
        var owner = user.UserId();
        var worlds = track ? db.Set<WorldRecord>() : db.Set<WorldRecord>().AsNoTracking();
        var world = await worlds.FirstOrDefaultAsync(w => w.Id == id && (isAdmin || w.OwnerId == owner), ct);
        return world is not null && await IsLiveAsync(db, world.ProjectId, ct) ? world : null;
    }

    /// <summary>The batch if the caller started it (or is admin) and its project is not deleted.</summary>
    public static async Task<WorldBatch?> FindBatchAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var isAdmin = user.IsInRole(Roles.Admin);
        var owner = user.UserId();
        var batch = await db.Set<WorldBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && (isAdmin || b.OwnerId == owner), ct);
        return batch is not null && await IsLiveAsync(db, batch.ProjectId, ct) ? batch : null;
    }

    private static Task<bool> IsLiveAsync(LoomDb db, Guid projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().AnyAsync(p => p.Id == projectId && p.DeletedAt == null, ct);

    /// <summary>The live project if the caller owns it (or is admin).</summary>
    public static Task<Project?> FindProjectAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var isAdmin = user.IsInRole(Roles.Admin);
        var owner = user.UserId();
        return db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.DeletedAt == null && (isAdmin || p.OwnerId == owner), ct);
    }
}
