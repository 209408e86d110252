using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Apis;

/// <summary><c>/api/admin/blobs</c>: the blob store's housekeeping. Admin only.</summary>
public static class AdminBlobsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminBlobsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/admin/blobs/sweep", StartSweepAsync).WithTags("Admin").RequireAuthorization(Policies.Admin);
        return routes;
    }

    /// <summary>
    /// Starts a sweep of unreferenced blobs as a job (202, follow it at <c>/api/jobs/{id}</c>); the job's result is the
    /// <see cref="BlobSweepReport"/>. An empty body is a real sweep; <c>{"dryRun": true}</c> only counts.
    /// </summary>
    public static async Task<Accepted<JobView>> StartSweepAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] BlobSweepRequest? body, ClaimsPrincipal user, IJobQueue queue, IAuditChain audit, HttpContext http, CancellationToken ct)
    {
        var dryRun = body?.DryRun ?? false;
        var input = JsonSerializer.Serialize(new BlobSweepRequest(dryRun), JsonSerializerOptions.Web);
        var job = await queue.EnqueueAsync(user.UserId(), BlobSweepJob.KindName, input, maxAttempts: 1, cancellationToken: ct);
        await audit.AppendAsync(
            new AuditEvent(user.UserId().ToString(), http.ClientIp(), "blobs.sweep", $"job:{job.Id}", new Dictionary<string, string> { ["dryRun"] = dryRun ? "true" : "false" }),
            ct);
        return TypedResults.Accepted($"/api/jobs/{job.Id}", JobView.From(job));
    }
}
