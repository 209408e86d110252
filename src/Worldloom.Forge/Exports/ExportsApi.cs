using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Forge.Exports;

/// <summary>
/// <c>/api/worlds/{id}/exports</c> and <c>/api/exports/{id}</c>: exporting a world snapshot to game engines as a
/// <c>forge.export</c> job, following it, and downloading the signed bundle. The free tier exports JSON only; pro and
/// lifetime export every engine. Exports of another user's world answer 404.
/// </summary>
public static class ExportsApi
{
    /// <summary>Exports one user may have queued or running at once; more wait with a 429.</summary>
    public const int MaxInFlight = 3;

    /// <summary>Exports a world's list shows.</summary>
    public const int MaxListed = 100;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var worlds = routes.MapGroup("/api/worlds/{id:guid}/exports").WithTags("Forge").RequireAuthorization();
        worlds.MapPost("/", CreateAsync);
        worlds.MapGet("/", ListAsync);
        var exports = routes.MapGroup("/api/exports").WithTags("Forge").RequireAuthorization();
        exports.MapGet("/engines", EnginesAsync);
        exports.MapGet("/{id:guid}", GetAsync);
        exports.MapGet("/{id:guid}/download", DownloadAsync);
        return routes;
    }

    /// <summary>Starts exporting a world the caller owns. 202 with the export's id, its job and its URLs.</summary>
    public static async Task<IResult> CreateAsync(Guid id, ExportCreate body, [AsParameters] ExportServices services)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var engines = ExportChoice.Read(v, "engines", body.Engines);
        return v.Failed ? v.Problem() : await StartAsync(id, engines, body.Snapshot, services);
    }

    /// <summary>
    /// Starts exporting snapshot <paramref name="snapshot"/> (the head when null) of world <paramref name="worldId"/> to
    /// <paramref name="engines"/>, already validated. 404 for a world the caller cannot see, 403 naming the engines the
    /// caller's tier does not unlock, 409 while the world is not ready, 429 with too many exports under way.
    /// </summary>
    public static async Task<IResult> StartAsync(Guid worldId, IReadOnlyList<string> engines, int? snapshot, ExportServices services)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(services);
        var (db, user, ct) = (services.Db, services.User, services.Cancellation);
        var world = await WorldAccess.FindWorldAsync(db, worldId, user, ct);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        var userId = user.UserId();
        // The tier as stored, not as the token says: a downgrade takes effect at once.
        var tier = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Tier).SingleAsync(ct);
        if (ExportTiers.Locked(tier, engines) is { Count: > 0 } locked)
        {
            return ExportTiers.Refused(tier, locked);
        }

        if (world.Hash is null)
        {
            return Problems.Conflict("world", world.Status == WorldStatus.Failed ? $"generation failed: {world.Error}" : "it is still being generated; export it once it is ready.");
        }

        var number = snapshot ?? world.Head;
        var hash = snapshot is null
            ? world.Hash
            : await db.Set<WorldSnapshot>().AsNoTracking().Where(s => s.WorldId == worldId && s.Number == snapshot).Select(s => s.Hash).FirstOrDefaultAsync(ct);
        if (hash is null)
        {
            return Problems.Field("snapshot", $"no snapshot {snapshot} in this world.");
        }

        var inFlight = await db.Jobs.AsNoTracking()
            .CountAsync(j => j.OwnerId == userId && j.Kind == WorldExportJob.KindName && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running), ct);
        if (inFlight >= MaxInFlight)
        {
            return Problems.TooManyRequests($"{inFlight} exports are already under way; at most {MaxInFlight} run at once for one account. Retry when one finishes.", TimeSpan.FromSeconds(10));
        }

        var now = services.Clock.GetUtcNow();
        var record = new WorldExportRecord
        {
            Id = Guid.CreateVersion7(now),
            WorldId = worldId,
            Snapshot = number,
            WorldHash = hash,
            Engines = string.Join(',', engines),
            OwnerId = userId,
            EnginesJson = ExportProgress.ToJson([.. engines.Select(e => new EngineState(e, EngineState.Queued, 0, 0))]),
            CreatedAt = now,
        };
        db.Set<WorldExportRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        var job = await services.Jobs.EnqueueAsync(userId, WorldExportJob.KindName, JsonSerializer.Serialize(new WorldExportInput(record.Id), JsonSerializerOptions.Web), maxAttempts: 3, ct);
        record.JobId = job.Id;
        await db.SaveChangesAsync(ct);
        await services.Audit.AppendAsync(
            new AuditEvent(userId.ToString(), services.Http.ClientIp(), "world.export", $"world:{worldId}#{number}", new Dictionary<string, string>
            {
                ["export"] = record.Id.ToString(),
                ["engines"] = record.Engines,
            }),
            ct);
        var status = $"/api/exports/{record.Id}";
        return TypedResults.Accepted(status, new ExportStarted(record.Id, job.Id, status, $"{status}/download"));
    }

    /// <summary>The exports of a world, newest first.</summary>
    public static async Task<IResult> ListAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var world = await WorldAccess.FindWorldAsync(db, id, user, ct);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        var records = await db.Set<WorldExportRecord>().AsNoTracking().Where(e => e.WorldId == id)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(MaxListed).ToListAsync(ct);
        var jobIds = records.Where(e => !ExportStatus.IsFinal(e.Status) && e.JobId is not null).Select(e => e.JobId!.Value).ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        return TypedResults.Ok(records.Select(e => ExportView.From(e, e.JobId is { } j ? jobs.GetValueOrDefault(j) : null, world.Name)).ToList());
    }

    /// <summary>One export: status, progress, each engine's status, and the bundle once ready.</summary>
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var (record, world) = await FindAsync(db, id, user, ct);
        if (record is null || world is null)
        {
            return Problems.NotFound("export");
        }

        var job = record.JobId is { } jobId && !ExportStatus.IsFinal(record.Status)
            ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct)
            : null;
        return TypedResults.Ok(ExportView.From(record, job, world.Name));
    }

    /// <summary>The bundle as a ZIP download; 409 while it is not ready.</summary>
    public static async Task<IResult> DownloadAsync(Guid id, ClaimsPrincipal user, LoomDb db, IBlobStore blobs, CancellationToken ct)
    {
        var (record, world) = await FindAsync(db, id, user, ct);
        if (record is null || world is null)
        {
            return Problems.NotFound("export");
        }

        if (record.Status != ExportStatus.Ready || record.BundleSha256 is null)
        {
            var job = record.JobId is { } jobId ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct) : null;
            var view = ExportView.From(record, job, world.Name);
            return Problems.Conflict("export", view.Status == ExportStatus.Failed
                ? $"it failed ({view.Error}); there is nothing to download."
                : $"it is {view.Status} ({view.Progress}%); download it once its status is ready.");
        }

        var stream = await blobs.OpenAsync(record.BundleSha256, ct);
        return stream is null
            ? Problems.NotFound("bundle")
            : TypedResults.File(stream, "application/zip", ExportFileName.For(world.Name, record.WorldHash), entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{record.BundleSha256}\""));
    }

    /// <summary>Every engine with its title, and whether the caller's tier unlocks it.</summary>
    public static async Task<IResult> EnginesAsync(ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var userId = user.UserId();
        var tier = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Tier).SingleAsync(ct);
        return TypedResults.Ok(new ExportEnginesView(
            tier, ExportTiers.Unlocking, [.. ExportEngines.All.Select(e => new ExportEngineView(e, ExportEngines.Titles[e], ExportTiers.Unlocks(tier, e)))]));
    }

    // The export if the caller asked for it (or is admin) and can still see its world.
    private static async Task<(WorldExportRecord? Record, WorldRecord? World)> FindAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Platform.Accounts.Roles.Admin);
        var owner = user.UserId();
        var record = await db.Set<WorldExportRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && (isAdmin || e.OwnerId == owner), ct);
        return record is null ? (null, null) : (record, await WorldAccess.FindWorldAsync(db, record.WorldId, user, ct));
    }
}
