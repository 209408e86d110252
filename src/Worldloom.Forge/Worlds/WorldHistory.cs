using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Core.History;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// A world's history: overrides appended as new snapshots, the list of snapshots, the diff between two, and rollback
/// (a new head carrying an old snapshot's overrides; nothing is ever deleted). Appending applies the new overrides to
/// the head world directly: overrides apply after generation, so that gives the same bytes as regenerating the seed
/// with the whole list (a test holds this).
/// </summary>
public static class WorldHistory
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWorldHistoryApi(this IEndpointRouteBuilder routes)
    {
        var worlds = routes.MapGroup("/api/worlds/{id:guid}").WithTags("Forge").RequireAuthorization();
        worlds.MapGet("/overrides", OverridesAsync);
        worlds.MapPost("/overrides", AppendAsync);
        worlds.MapGet("/snapshots", SnapshotsAsync);
        worlds.MapGet("/diff", DiffAsync);
        worlds.MapPost("/snapshots/{number:int}/rollback", RollbackAsync);
        return routes;
    }

    /// <summary>The head's overrides (or a snapshot's), in order.</summary>
    public static async Task<IResult> OverridesAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct, int? snapshot = null)
    {
        var world = await WorldAccess.FindWorldAsync(db, id, user, ct);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        var number = snapshot ?? world.Head;
        var json = await db.Set<WorldSnapshot>().AsNoTracking().Where(s => s.WorldId == id && s.Number == number).Select(s => s.OverridesJson).FirstOrDefaultAsync(ct);
        return json is null ? Problems.NotFound("snapshot") : TypedResults.Text(json, "application/json");
    }

    /// <summary>Appends overrides, creating a new head snapshot. 409 if the head moved since <c>base</c>.</summary>
    public static async Task<IResult> AppendAsync(
        Guid id, OverridesAppend body, ClaimsPrincipal user, LoomDb db, WorldStore store, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var added = WorldCodec.ParseOverrides(v, "overrides", body.Overrides);
        if (added.Count == 0 && !v.Failed)
        {
            v.Add("overrides", "at least one override is required.");
        }

        var message = Message(v, body.Message);
        if (body.Base is null)
        {
            v.Add("base", "is required: the head snapshot number you edited.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var world = await WorldAccess.FindWorldAsync(db, id, user, ct, track: true);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        if (world.Head == 0 || world.Hash is null)
        {
            return Problems.Conflict("world", "it has not been generated yet.");
        }

        if (body.Base != world.Head)
        {
            return Problems.Conflict("base", $"the head is snapshot {world.Head}, not {body.Base}; reload and edit again.");
        }

        var head = await store.LoadCopyAsync(world.Hash, ct);
        if (head is null)
        {
            return Problems.NotFound("world document");
        }

        if (head.Overrides.Count + added.Count > WorldRules.MaxOverrides)
        {
            return Problems.Field("overrides", $"a world carries at most {WorldRules.MaxOverrides} overrides.");
        }

        // Numbered after the ones already there, so errors name the override as the client sent it.
        if (WorldCodec.TryApplyOverrides(head.World, added, out var errors) is false)
        {
            return Problems.Fields(errors);
        }

        var all = head.Overrides.Concat(added).ToList();
        var build = WorldBuild.FromWorld(head.World, all);
        return await SaveAsync(db, store, audit, clock, http, user, world, build.Document, build.SummaryJson, WorldCodec.OverridesJson(all), "edited", null, message, "world.edit", ct);
    }

    /// <summary>Every snapshot, newest first.</summary>
    public static async Task<IResult> SnapshotsAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var world = await WorldAccess.FindWorldAsync(db, id, user, ct);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        var snapshots = await db.Set<WorldSnapshot>().AsNoTracking().Where(s => s.WorldId == id).OrderByDescending(s => s.Number).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(snapshots.Select(s => SnapshotView.From(s, world.Head)).ToList());
    }

    /// <summary>What changed from snapshot <c>from</c> to snapshot <c>to</c> (default: the head), in words and counts.</summary>
    public static async Task<IResult> DiffAsync(Guid id, ClaimsPrincipal user, LoomDb db, WorldStore store, CancellationToken ct, int? from = null, int? to = null)
    {
        if (from is null)
        {
            return Problems.Field("from", "is required: a snapshot number.");
        }

        var (fromHash, problem) = await ResolveHashAsync(db, id, user, from, ct, "from");
        if (problem is not null)
        {
            return problem;
        }

        var (toHash, problemTo) = await ResolveHashAsync(db, id, user, to, ct, "to");
        if (problemTo is not null)
        {
            return problemTo;
        }

        var before = await store.LoadAsync(fromHash!, ct);
        var after = await store.LoadAsync(toHash!, ct);
        if (before is null || after is null)
        {
            return Problems.NotFound("world document");
        }

        var diff = WorldDiff.Compare(before.World, after.World);
        return TypedResults.Ok(new { from, to, summary = diff.Summary, counts = diff.Counts, changes = diff.Changes, overrides = new { before = before.Overrides.Count, after = after.Overrides.Count } });
    }

    /// <summary>Makes a new head with snapshot <paramref name="number"/>'s overrides (and so its exact document).</summary>
    public static async Task<IResult> RollbackAsync(
        Guid id, int number, Rollback body, ClaimsPrincipal user, LoomDb db, WorldStore store, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var message = Message(v, body.Message);
        if (body.Base is null)
        {
            v.Add("base", "is required: the head snapshot number you saw.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var world = await WorldAccess.FindWorldAsync(db, id, user, ct, track: true);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        if (body.Base != world.Head)
        {
            return Problems.Conflict("base", $"the head is snapshot {world.Head}, not {body.Base}; reload and try again.");
        }

        var target = await db.Set<WorldSnapshot>().AsNoTracking().FirstOrDefaultAsync(s => s.WorldId == id && s.Number == number, ct);
        if (target is null)
        {
            return Problems.NotFound("snapshot");
        }

        if (number == world.Head)
        {
            return Problems.Conflict("number", $"snapshot {number} is already the head.");
        }

        var bytes = await store.LoadBytesAsync(target.Hash, ct);
        if (bytes is null)
        {
            return Problems.NotFound("world document");
        }

        return await SaveAsync(db, store, audit, clock, http, user, world, bytes, target.SummaryJson, target.OverridesJson, "rollback", number, message ?? $"Rolled back to snapshot {number}.", "world.rollback", ct);
    }

    /// <summary>
    /// The document hash of snapshot <paramref name="snapshot"/> (default: the head) of a world the caller may see, or
    /// the problem to answer with.
    /// </summary>
    public static async Task<(string? Hash, IResult? Problem)> ResolveHashAsync(LoomDb db, Guid id, ClaimsPrincipal user, int? snapshot, CancellationToken ct, string field = "snapshot")
    {
        ArgumentNullException.ThrowIfNull(db);
        var world = await WorldAccess.FindWorldAsync(db, id, user, ct);
        if (world is null)
        {
            return (null, Problems.NotFound("world"));
        }

        if (snapshot is null)
        {
            return world.Hash is null
                ? (null, Problems.Conflict("world", world.Status == WorldStatus.Failed ? $"generation failed: {world.Error}" : "it is still being generated."))
                : (world.Hash, null);
        }

        var hash = await db.Set<WorldSnapshot>().AsNoTracking().Where(s => s.WorldId == id && s.Number == snapshot).Select(s => s.Hash).FirstOrDefaultAsync(ct);
        return hash is null ? (null, Problems.Field(field, $"no snapshot {snapshot} in this world.")) : (hash, null);
    }

    private static async Task<IResult> SaveAsync(
        LoomDb db, WorldStore store, IAuditChain audit, LoomClock clock, HttpContext http, ClaimsPrincipal user, WorldRecord world, byte[] document, string summaryJson,
        string overridesJson, string kind, int? restoredFrom, string? message, string action, CancellationToken ct)
    {
        var blob = await store.SaveAsync(document, ct);
        var now = clock.GetUtcNow();
        var snapshot = new WorldSnapshot
        {
            Id = Guid.CreateVersion7(now),
            WorldId = world.Id,
            Number = world.Head + 1,
            Kind = kind,
            RestoredFrom = restoredFrom,
            Message = message,
            OverridesJson = overridesJson,
            Hash = blob.Sha256,
            Size = blob.Size,
            SummaryJson = summaryJson,
            CreatedBy = user.UserId(),
            CreatedAt = now,
        };
        db.Set<WorldSnapshot>().Add(snapshot);
        world.Head = snapshot.Number;
        world.Hash = blob.Sha256;
        world.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (world, number) index: another save took this number between our read and our write.
            return Problems.Conflict("base", "another edit was saved at the same time; reload and edit again.");
        }

        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), action, $"world:{world.Id}#{snapshot.Number}"), ct);
        return TypedResults.Created($"/api/worlds/{world.Id}/snapshots", SnapshotView.From(snapshot, snapshot.Number));
    }

    private static string? Message(Validation v, string? message)
    {
        var text = message?.Trim();
        if (text is { Length: > WorldRules.MaxMessageLength })
        {
            v.Add("message", $"must be at most {WorldRules.MaxMessageLength} characters.");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }
}
