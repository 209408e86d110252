using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Apis;

/// <summary><c>/api/jobs</c>: the caller's jobs, cancellation, and a server-sent event stream of progress.</summary>
public static class JobsApi
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapDelete("/{id:guid}", CancelAsync);
        group.MapGet("/{id:guid}/events", EventsAsync);
        routes.MapPost("/api/admin/audit/verify-job", StartAuditVerifyAsync).WithTags("Admin").RequireAuthorization(Policies.Admin);
        return routes;
    }

    /// <summary>The caller's jobs, newest first (admins may pass <c>all=true</c>).</summary>
    public static async Task<Ok<List<JobView>>> ListAsync(ClaimsPrincipal user, LoomDb db, CancellationToken ct, bool all = false, int limit = 100)
    {
        var query = db.Jobs.AsNoTracking();
        if (!(all && user.IsInRole(Roles.Admin)))
        {
            var owner = user.UserId();
            query = query.Where(j => j.OwnerId == owner);
        }

        var jobs = await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(jobs.Select(JobView.From).ToList());
    }

    /// <summary>One job.</summary>
    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var job = await FindAsync(db, id, user, ct);
        return job is null ? Problems.Problems.NotFound("job") : TypedResults.Ok(JobView.From(job));
    }

    /// <summary>Cancels a job.</summary>
    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, LoomDb db, IJobQueue queue, IAuditChain audit, HttpContext http, CancellationToken ct)
    {
        var job = await FindAsync(db, id, user, ct);
        if (job is null)
        {
            return Problems.Problems.NotFound("job");
        }

        if (!await queue.CancelAsync(id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"The job already {job.Status}.");
        }

        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), "job.cancel", $"job:{id}"), ct);
        db.ChangeTracker.Clear();
        var after = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        return TypedResults.Accepted($"/api/jobs/{id}", JobView.From(after));
    }

    /// <summary>
    /// Server-sent events: one <c>data:</c> line with the job as JSON whenever it changes, ending after a final status.
    /// Polls the database, so it works whichever silo runs the job.
    /// </summary>
    public static async Task<IResult> EventsAsync(Guid id, ClaimsPrincipal user, LoomDb db, HttpContext http, CancellationToken ct)
    {
        if (await FindAsync(db, id, user, ct) is null)
        {
            return Problems.Problems.NotFound("job");
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        string? last = null;
        var quietSince = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
                var json = JsonSerializer.Serialize(JobView.From(job), JsonSerializerOptions.Web);
                if (json != last)
                {
                    await http.Response.WriteAsync($"event: job\ndata: {json}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    last = json;
                    quietSince = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - quietSince > KeepAlive)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    quietSince = DateTime.UtcNow;
                }

                if (JobStatus.IsFinal(job.Status))
                {
                    break;
                }

                await Task.Delay(PollInterval, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }

        return Results.Empty;
    }

    /// <summary>Starts an <c>audit.verify</c> job.</summary>
    public static async Task<Accepted<JobView>> StartAuditVerifyAsync(ClaimsPrincipal user, IJobQueue queue, IAuditChain audit, HttpContext http, CancellationToken ct)
    {
        var job = await queue.EnqueueAsync(user.UserId(), AuditVerifyJob.KindName, maxAttempts: 1, cancellationToken: ct);
        await audit.AppendAsync(new AuditEvent(user.UserId().ToString(), http.ClientIp(), "job.create", $"job:{job.Id}", new Dictionary<string, string> { ["kind"] = job.Kind }), ct);
        return TypedResults.Accepted($"/api/jobs/{job.Id}", JobView.From(job));
    }

    private static Task<Job?> FindAsync(LoomDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(Roles.Admin);
        var owner = user.UserId();
        return db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && (isAdmin || j.OwnerId == owner), ct);
    }
}
