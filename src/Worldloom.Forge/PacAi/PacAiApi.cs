using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Exports;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Apis;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Projects;
using Worldloom.Platform.Quotas;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.PacAi;

/// <summary>
/// PacAI-compatible routes for tools written against its v5 API, each mapped onto the native endpoint with the same
/// meaning (docs/pacai.md): <c>POST /v5/session</c> logs in, <c>GET/POST /v5/projects</c> list and create projects,
/// <c>POST /v5/generate</c> starts a world, <c>POST /v5/export</c> starts an export bundle. Same authentication, limits, quota
/// and audit as the native routes.
/// </summary>
public static class PacAiApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPacAiApi(this IEndpointRouteBuilder routes)
    {
        var v5 = routes.MapGroup("/v5").WithTags("PacAI v5");
        v5.MapPost("/session", (LoginRequest body, AccountService accounts, HttpContext http, CancellationToken ct) => AuthApi.LoginAsync(body, accounts, http, ct))
            .AllowAnonymous().RequireRateLimiting(RateLimits.AuthPolicy);
        v5.MapGet("/projects", (ClaimsPrincipal user, LoomDb db, LoomClock clock, CancellationToken ct) => ProjectsApi.ListAsync(user, db, clock, ct))
            .RequireAuthorization();
        v5.MapPost("/projects", (ProjectCreate body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct) =>
            ProjectsApi.CreateAsync(body, user, db, audit, clock, http, ct)).RequireAuthorization();
        v5.MapPost("/generate", GenerateAsync).RequireAuthorization();
        v5.MapPost("/export", ExportAsync).RequireAuthorization();
        return routes;
    }

    /// <summary><c>POST /v5/generate {projectId, seed, ...parameters}</c>: the same as <c>POST /api/projects/{projectId}/worlds</c>.</summary>
    public static async Task<IResult> GenerateAsync(
        PacAiGenerate body, ClaimsPrincipal user, LoomDb db, IQuotaService quota, IJobQueue jobs, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.ProjectId is not { } projectId)
        {
            return Problems.Field("projectId", "is required.");
        }

        return await WorldsApi.CreateAsync(projectId, body, user, db, quota, jobs, audit, clock, http, ct);
    }

    /// <summary>
    /// <c>POST /v5/export {worldId, snapshot?, format? | engines?}</c>: the same as <c>POST /api/worlds/{worldId}/exports</c>.
    /// <c>format</c> is one engine or <c>all</c> (default <c>json</c>); <c>engines</c> a list. 202 with the export's id,
    /// its job, and its status and download URLs; the same tier rules (free exports json only).
    /// </summary>
    public static async Task<IResult> ExportAsync(PacAiExport body, [AsParameters] ExportServices services)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        if (body.WorldId is null)
        {
            v.Add("worldId", "is required.");
        }

        IReadOnlyList<string> engines = [];
        if (body.Format is not null && body.Engines is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            v.Add("format", "give format (one engine or all) or engines (a list), not both.");
        }
        else if (body.Format is null && body.Engines is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            engines = ExportChoice.Read(v, "engines", body.Engines);
        }
        else
        {
            engines = ExportChoice.Read(v, "format", JsonSerializer.SerializeToElement(body.Format ?? ExportEngines.Json));
        }

        return v.Failed ? v.Problem() : await ExportsApi.StartAsync(body.WorldId!.Value, engines, body.Snapshot, services);
    }
}
