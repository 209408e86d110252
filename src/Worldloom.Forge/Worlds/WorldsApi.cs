using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Quotas;
using Worldloom.Platform.Tokens;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// <c>/api/projects/{id}/worlds</c> and <c>/api/worlds/{id}</c>: creating worlds (a job with a progress stage per pipeline
/// stage, one unit of the weekly generation quota), reading them, their document and their NPCs.
/// </summary>
public static class WorldsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWorldsApi(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/api/projects/{projectId:guid}/worlds").WithTags("Forge").RequireAuthorization();
        projects.MapPost("/", CreateAsync);
        projects.MapGet("/", ListAsync);
        var worlds = routes.MapGroup("/api/worlds/{id:guid}").WithTags("Forge").RequireAuthorization();
        worlds.MapGet("/", GetAsync);
        worlds.MapGet("/document", DocumentAsync);
        worlds.MapGet("/features", FeaturesAsync);
        worlds.MapGet("/npcs", NpcsAsync);
        return routes;
    }

    /// <summary>Starts generating a world in a project the caller owns. 202 with the world and its job.</summary>
    public static async Task<IResult> CreateAsync(
        Guid projectId, WorldCreate body, ClaimsPrincipal user, LoomDb db, IQuotaService quota, IJobQueue jobs, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var request = WorldRequest.Read(v, body);
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
        var world = new WorldRecord
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            OwnerId = userId,
            Name = request.Name,
            Seed = request.Seed.Text,
            ParametersJson = WorldParametersBody.ToJson(request.Parameters),
            Rules = request.Rules,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<WorldRecord>().Add(world);
        await db.SaveChangesAsync(ct);
        var job = await jobs.EnqueueAsync(userId, WorldGenerateJob.KindName, JsonSerializer.Serialize(new WorldGenerateInput(world.Id, request.OverridesJson, userId), JsonSerializerOptions.Web), maxAttempts: 3, ct);
        world.JobId = job.Id;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "world.create", $"world:{world.Id}"), ct);
        return TypedResults.Accepted($"/api/worlds/{world.Id}", WorldView.From(world, null));
    }

    /// <summary>The worlds of a project, newest first.</summary>
    public static async Task<IResult> ListAsync(Guid projectId, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        if (await WorldAccess.FindProjectAsync(db, projectId, user, ct) is null)
        {
            return Problems.NotFound("project");
        }

        var worlds = await db.Set<WorldRecord>().AsNoTracking().Where(w => w.ProjectId == projectId)
            .OrderByDescending(w => w.CreatedAt).ThenBy(w => w.Id).Take(500).ToListAsync(ct);
        // Only the head snapshot of each world: a world with a long history must not load every summary it ever had.
        var summaries = await db.Set<WorldSnapshot>().AsNoTracking()
            .Where(s => db.Set<WorldRecord>().Any(w => w.ProjectId == projectId && w.Id == s.WorldId && w.Head == s.Number))
            .ToDictionaryAsync(s => s.WorldId, s => s.SummaryJson, ct);
        return TypedResults.Ok(worlds.Select(w => WorldView.From(w, summaries.GetValueOrDefault(w.Id))).ToList());
    }

    /// <summary>One world with its head's summary.</summary>
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var world = await WorldAccess.FindWorldAsync(db, id, user, ct);
        if (world is null)
        {
            return Problems.NotFound("world");
        }

        var summary = await db.Set<WorldSnapshot>().AsNoTracking().Where(s => s.WorldId == id && s.Number == world.Head).Select(s => s.SummaryJson).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(WorldView.From(world, summary));
    }

    /// <summary>The canonical world document of the head (or of <c>snapshot</c>); its ETag is the hash.</summary>
    public static async Task<IResult> DocumentAsync(Guid id, ClaimsPrincipal user, LoomDb db, WorldStore store, CancellationToken ct, int? snapshot = null)
    {
        var (hash, problem) = await WorldHistory.ResolveHashAsync(db, id, user, snapshot, ct);
        if (problem is not null)
        {
            return problem;
        }

        var bytes = await store.LoadBytesAsync(hash!, ct);
        return bytes is null
            ? Problems.NotFound("world document")
            : TypedResults.File(bytes, "application/json", $"world-{hash![..12]}.json", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{hash}\""));
    }

    /// <summary>
    /// What the map viewer draws and lists: settlements, regions, factions, rivers and lakes (without paths), roads
    /// (count only), points of interest with hooks, and the bestiary.
    /// </summary>
    public static async Task<IResult> FeaturesAsync(Guid id, ClaimsPrincipal user, LoomDb db, WorldStore store, CancellationToken ct, int? snapshot = null)
    {
        var (hash, problem) = await WorldHistory.ResolveHashAsync(db, id, user, snapshot, ct);
        if (problem is not null)
        {
            return problem;
        }

        var loaded = await store.LoadAsync(hash!, ct);
        return loaded is null ? Problems.NotFound("world document") : TypedResults.Ok(WorldFeatures.From(loaded.World, hash!));
    }

    /// <summary>The NPCs of the world, or of one settlement with <c>settlement=settlement-N</c>.</summary>
    public static async Task<IResult> NpcsAsync(Guid id, ClaimsPrincipal user, LoomDb db, WorldStore store, CancellationToken ct, string? settlement = null, int? snapshot = null)
    {
        var (hash, problem) = await WorldHistory.ResolveHashAsync(db, id, user, snapshot, ct);
        if (problem is not null)
        {
            return problem;
        }

        var loaded = await store.LoadAsync(hash!, ct);
        if (loaded is null)
        {
            return Problems.NotFound("world document");
        }

        var npcs = loaded.World.Npcs.AsEnumerable();
        if (settlement is not null)
        {
            if (!loaded.World.Settlements.Any(s => s.Id == settlement))
            {
                return Problems.Field("settlement", $"no settlement '{settlement}' in this world.");
            }

            npcs = npcs.Where(n => n.SettlementId == settlement);
        }

        return TypedResults.Ok(npcs.ToList());
    }
}
