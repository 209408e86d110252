using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Quotas;
using Worldloom.Platform.Tokens;

namespace Worldloom.Forge.Batches;

/// <summary>
/// <c>/api/projects/{id}/batches</c> and <c>/api/batches/{id}</c>: up to 1,000 seeds generated as one job over the
/// cluster, with a summary per seed sortable by any column, thumbnails, and cancel. A batch spends one unit of the weekly
/// generation quota (it stores summaries, not worlds; a seed worth keeping is then generated as a world).
/// </summary>
public static class BatchesApi
{
    /// <summary>Most cells a whole batch may generate (1,000 worlds of 512²).</summary>
    public const long MaxBatchCells = 1000L * 512 * 512;

    private static readonly string[] Columns = ["index", "seed", "hash", "landPermille", "settlements", "rivers", "factions"];

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/api/projects/{projectId:guid}/batches").WithTags("Forge").RequireAuthorization();
        projects.MapPost("/", CreateAsync);
        projects.MapGet("/", ListAsync);
        var batches = routes.MapGroup("/api/batches/{id:guid}").WithTags("Forge").RequireAuthorization();
        batches.MapGet("/", GetAsync);
        batches.MapDelete("/", CancelAsync);
        batches.MapGet("/items/{index:int}/thumbnail.png", ThumbnailAsync);
        return routes;
    }

    /// <summary>Starts a batch. 202 with the batch and its job.</summary>
    public static async Task<IResult> CreateAsync(
        Guid projectId, BatchCreate body, ClaimsPrincipal user, LoomDb db, IQuotaService quota, IJobQueue jobs, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var seeds = BatchSeeds.Read(v, "seeds", body.Seeds, WorldRules.MaxBatchSeeds);
        var parameters = body.ToParameters(v);
        if (!v.Failed && (long)parameters.Width * parameters.Height * seeds.Count > MaxBatchCells)
        {
            v.Add("seeds", $"{seeds.Count} worlds of {parameters.Width}×{parameters.Height} is more than a batch generates; use fewer seeds or a smaller size (at most {MaxBatchCells / 1000 / 1000} million cells in all).");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        if (await WorldAccess.FindProjectAsync(db, projectId, user, ct) is null)
        {
            return Problems.NotFound("project");
        }

        var userId = user.UserId();
        if (await GenerationQuota.SpendAsync(db, quota, clock, http, userId, ct) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var batch = new WorldBatch
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            OwnerId = userId,
            ParametersJson = WorldParametersBody.ToJson(parameters),
            SeedsJson = JsonSerializer.Serialize(seeds.Select(s => s.Text).ToList()),
            Count = seeds.Count,
            CreatedAt = now,
        };
        db.Set<WorldBatch>().Add(batch);
        await db.SaveChangesAsync(ct);
        var job = await jobs.EnqueueAsync(userId, WorldBatchJob.KindName, JsonSerializer.Serialize(new WorldBatchInput(batch.Id), JsonSerializerOptions.Web), maxAttempts: 3, ct);
        batch.JobId = job.Id;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "batch.create", $"batch:{batch.Id}"), ct);
        return TypedResults.Accepted($"/api/batches/{batch.Id}", View(batch, JobView.From(job), []));
    }

    /// <summary>The batches of a project, newest first (without items).</summary>
    public static async Task<IResult> ListAsync(Guid projectId, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        if (await WorldAccess.FindProjectAsync(db, projectId, user, ct) is null)
        {
            return Problems.NotFound("project");
        }

        var batches = await db.Set<WorldBatch>().AsNoTracking().Where(b => b.ProjectId == projectId).OrderByDescending(b => b.CreatedAt).Take(200).ToListAsync(ct);
        var jobIds = batches.Select(b => b.JobId).ToList();
        var jobList = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToListAsync(ct);
        return TypedResults.Ok(batches.Select(b => View(b, jobList.FirstOrDefault(j => j.Id == b.JobId) is { } j ? JobView.From(j) : null, [])).ToList());
    }

    /// <summary>
    /// A batch with its items sorted by <c>sort</c> (index, seed, hash, landPermille, settlements, rivers, factions, or
    /// <c>biome:&lt;name&gt;</c>) in <c>order</c> asc or desc; ties keep batch order.
    /// </summary>
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct, string? sort = null, string? order = null)
    {
        var v = new Validation();
        var key = SortKey(v, sort);
        if (order is not (null or "asc" or "desc"))
        {
            v.Add("order", "must be asc or desc.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var batch = await WorldAccess.FindBatchAsync(db, id, user, ct);
        if (batch is null)
        {
            return Problems.NotFound("batch");
        }

        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == batch.JobId, ct);
        var items = (await db.Set<WorldBatchItem>().AsNoTracking().Where(i => i.BatchId == id).ToListAsync(ct)).Select(BatchItemView.From);
        items = order == "desc"
            ? items.OrderByDescending(key, Comparer<IComparable>.Default).ThenBy(i => i.Index)
            : items.OrderBy(key, Comparer<IComparable>.Default).ThenBy(i => i.Index);
        return TypedResults.Ok(View(batch, job is null ? null : JobView.From(job), items.ToList()));
    }

    /// <summary>Cancels a running batch; the seeds already done stay.</summary>
    public static async Task<IResult> CancelAsync(Guid id, ClaimsPrincipal user, LoomDb db, IJobQueue jobs, IAuditChain audit, HttpContext http, CancellationToken ct)
    {
        var batch = await WorldAccess.FindBatchAsync(db, id, user, ct);
        if (batch is null)
        {
            return Problems.NotFound("batch");
        }

        if (!await jobs.CancelAsync(batch.JobId, ct))
        {
            return Problems.Conflict("batch", "it has already finished.");
        }

        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), "batch.cancel", $"batch:{id}"), ct);
        return TypedResults.Accepted($"/api/batches/{id}");
    }

    /// <summary>The thumbnail of one seed.</summary>
    public static async Task<IResult> ThumbnailAsync(Guid id, int index, ClaimsPrincipal user, LoomDb db, IBlobStore blobs, CancellationToken ct)
    {
        var batch = await WorldAccess.FindBatchAsync(db, id, user, ct);
        if (batch is null)
        {
            return Problems.NotFound("batch");
        }

        var sha = await db.Set<WorldBatchItem>().AsNoTracking().Where(i => i.BatchId == id && i.Index == index).Select(i => i.ThumbnailSha).FirstOrDefaultAsync(ct);
        var stream = sha is null ? null : await blobs.OpenAsync(sha, ct);
        return stream is null ? Problems.NotFound("batch item") : TypedResults.Stream(stream, "image/png");
    }

    private static object View(WorldBatch b, JobView? job, IReadOnlyList<BatchItemView> items) => new
    {
        b.Id,
        b.ProjectId,
        Parameters = WorldParametersBody.From(WorldParametersBody.FromJson(b.ParametersJson)),
        Seeds = b.Count,
        b.JobId,
        Job = job,
        b.CreatedAt,
        Items = items,
    };

    private static Func<BatchItemView, IComparable> SortKey(Validation v, string? sort)
    {
        switch (sort)
        {
            case null or "index": return i => i.Index;
            case "seed": return i => i.Seed;
            case "hash": return i => i.Hash;
            case "landPermille": return i => i.LandPermille;
            case "settlements": return i => i.Settlements;
            case "rivers": return i => i.Rivers;
            case "factions": return i => i.Factions;
        }

        if (sort.StartsWith("biome:", StringComparison.Ordinal) && BiomeNames.TryParse(sort[6..], out _))
        {
            var name = sort[6..];
            return i => i.Biomes.GetValueOrDefault(name);
        }

        v.Add("sort", $"must be one of {string.Join(", ", Columns)} or biome:<name>.");
        return i => i.Index;
    }
}
