using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Problems;
using Worldloom.Stories.Data;
using Worldloom.Stories.Scenes;
using Worldloom.Stories.Segments;

namespace Worldloom.Stories.Moderation;

/// <summary>Reporting scenes and segments, the moderators' queue and their decisions (approve, remove, ban).</summary>
public static class ReportsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapStoryReportsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/stories/reports", ReportAsync).WithTags("Stories").RequireAuthorization();
        var admin = routes.MapGroup("/api/admin/stories/reports").WithTags("Stories moderation").RequireAuthorization(Policies.Moderator);
        admin.MapGet("/", QueueAsync);
        admin.MapPost("/{id:guid}/resolve", ResolveAsync);
        return routes;
    }

    /// <summary>Reports a scene, or a segment shown in it, that the caller can see: 201; a second open report of the same target answers 200 with the first.</summary>
    public static async Task<IResult> ReportAsync(ReportCreate body, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (body?.SceneId is null)
        {
            v.Add("sceneId", "is required.");
        }

        var reason = v.Text("reason", body?.Reason, StoryLimits.MaxReason);
        if (v.Failed)
        {
            return v.Problem();
        }

        var (db, ct) = (s.Db, s.Cancellation);
        var viewer = s.Viewer;
        var scene = await SceneAccess.FindAsync(db, body!.SceneId!.Value, viewer, ct);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        var author = scene.OwnerId;
        if (body.SegmentId is { } segmentId)
        {
            var segment = (await SceneAccess.VisibleSegmentsAsync(db, scene, viewer, ct)).FirstOrDefault(g => g.Id == segmentId);
            if (segment is null)
            {
                return Problems.Field("segmentId", "no segment with that id in the scene.");
            }

            author = segment.CreatedBy;
        }

        if (author == viewer.UserId)
        {
            return Problems.Forbidden("you cannot report your own story.");
        }

        var key = $"{viewer.UserId:N}/{body.SegmentId ?? scene.Id:N}";
        if (await db.Set<StoryReport>().AsNoTracking().FirstOrDefaultAsync(r => r.OpenKey == key, ct) is { } earlier)
        {
            return TypedResults.Ok(await ViewAsync(db, earlier, ct));
        }

        var now = s.Clock.GetUtcNow();
        var report = new StoryReport
        {
            Id = Guid.CreateVersion7(now), SceneId = scene.Id, SegmentId = body.SegmentId, ReporterId = viewer.UserId, AuthorId = author, Reason = reason, OpenKey = key, CreatedAt = now,
        };
        db.Set<StoryReport>().Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique open key: the same report raced this one; answer with the one stored.
            db.ChangeTracker.Clear();
            return await db.Set<StoryReport>().AsNoTracking().FirstOrDefaultAsync(r => r.OpenKey == key, ct) is { } raced
                ? TypedResults.Ok(await ViewAsync(db, raced, ct))
                : Problems.Conflict("sceneId", "the report could not be stored; send it again.");
        }

        await s.AuditAsync("stories.report.create", Target(report), new Dictionary<string, string> { ["report"] = report.Id.ToString() });
        return TypedResults.Created("/api/admin/stories/reports", await ViewAsync(db, report, ct));
    }

    /// <summary>The moderation queue, oldest first: <c>status=open</c> (default), <c>resolved</c> or <c>all</c>.</summary>
    public static async Task<IResult> QueueAsync([AsParameters] StoryServices s, string? status = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        status ??= "open";
        if (status is not ("open" or "resolved" or "all"))
        {
            return Problems.Field("status", "must be open, resolved or all.");
        }

        var reports = s.Db.Set<StoryReport>().AsNoTracking();
        reports = status switch
        {
            "open" => reports.Where(r => r.ResolvedAt == null),
            "resolved" => reports.Where(r => r.ResolvedAt != null),
            _ => reports,
        };
        var rows = await reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(StoryLimits.MaxQueue).ToListAsync(s.Cancellation);
        var views = new List<ReportView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(s.Db, row, s.Cancellation));
        }

        return TypedResults.Ok(views);
    }

    /// <summary>
    /// Resolves an open report: approve closes it; remove hides the target from everyone but its author and moderators;
    /// ban removes it and stops the author generating stories. Every other open report of the same target closes with
    /// it. Removing a scene cancels its generation still queued or running. 409 when it was already resolved.
    /// </summary>
    /// <param name="id">The report.</param>
    /// <param name="body">The decision.</param>
    /// <param name="jobs">The job queue, to cancel a removed scene's generation.</param>
    /// <param name="s">The request's services.</param>
    public static async Task<IResult> ResolveAsync(Guid id, ReportResolve body, IJobQueue jobs, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (body?.Action is null || !ReportActions.All.Contains(body.Action))
        {
            v.Add("action", $"must be one of {string.Join(", ", ReportActions.All)}.");
        }

        var note = body?.Note?.Trim();
        if (note?.Length > StoryLimits.MaxReason)
        {
            v.Add("note", $"must be at most {StoryLimits.MaxReason} characters.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (db, ct) = (s.Db, s.Cancellation);
        var report = await db.Set<StoryReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Problems.NotFound("report");
        }

        if (report.ResolvedAt is not null)
        {
            return Problems.Conflict("id", "the report is already resolved.");
        }

        var action = body!.Action!;
        if (action == ReportActions.Ban && await db.Users.AsNoTracking().Where(u => u.Id == report.AuthorId).Select(u => u.Role).FirstOrDefaultAsync(ct) is Roles.Moderator or Roles.Admin)
        {
            return Problems.Conflict("action", "the author is a moderator or admin; remove the story instead, or ask an admin to change their role.");
        }

        var now = s.Clock.GetUtcNow();
        var moderator = s.Viewer.UserId;
        // One transaction: the report is never resolved without its removal and ban, nor the other way round.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Claim first, so of two moderators resolving it at once exactly one acts.
            var claimed = await db.Set<StoryReport>().Where(r => r.Id == id && r.ResolvedAt == null).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ResolvedAt, (DateTimeOffset?)now).SetProperty(r => r.ResolvedBy, (Guid?)moderator).SetProperty(r => r.Resolution, action)
                .SetProperty(r => r.Note, note).SetProperty(r => r.OpenKey, (string?)null), ct);
            if (claimed == 0)
            {
                return Problems.Conflict("id", "the report is already resolved.");
            }

            if (action is ReportActions.Remove or ReportActions.Ban)
            {
                if (report.SegmentId is { } segmentId)
                {
                    await db.Set<StorySegment>().Where(g => g.Id == segmentId && g.RemovedAt == null).ExecuteUpdateAsync(u => u.SetProperty(g => g.RemovedAt, (DateTimeOffset?)now), ct);
                }
                else
                {
                    await db.Set<StoryScene>().Where(c => c.Id == report.SceneId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, SceneStatus.Removed), ct);
                }
            }

            if (action == ReportActions.Ban && !await db.Set<StoryBan>().AnyAsync(b => b.UserId == report.AuthorId, ct))
            {
                db.Set<StoryBan>().Add(new StoryBan { UserId = report.AuthorId, BannedBy = moderator, ReportId = id, Note = note, CreatedAt = now });
                try
                {
                    // Inside a transaction SaveChanges works under a savepoint, so a failed insert leaves the transaction usable (PostgreSQL included).
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Banned by another moderator at the same moment: the ban stands either way.
                    db.ChangeTracker.Clear();
                }
            }

            // The decision is about the target: close its other open reports too (a shared segment may be reported from any scene that shows it).
            var open = db.Set<StoryReport>().Where(r => r.ResolvedAt == null);
            open = report.SegmentId is { } target ? open.Where(r => r.SegmentId == target) : open.Where(r => r.SceneId == report.SceneId && r.SegmentId == null);
            await open.ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ResolvedAt, (DateTimeOffset?)now).SetProperty(r => r.ResolvedBy, (Guid?)moderator).SetProperty(r => r.Resolution, action)
                .SetProperty(r => r.OpenKey, (string?)null), ct);
            await transaction.CommitAsync(ct);
        }

        if (action is ReportActions.Remove or ReportActions.Ban && report.SegmentId is null)
        {
            // Nobody but its owner and moderators may see what the scene's job would make: stop it rather than let it
            // render and store. After the commit, so a rolled-back removal cancels nothing. (A removed segment's own job
            // runs on: it stays removed, as documented.)
            await SegmentCancel.CancelInFlightAsync(db, jobs, report.SceneId, CancellationToken.None);
        }

        await s.AuditAsync("stories.report.resolve", Target(report), new Dictionary<string, string> { ["report"] = id.ToString(), ["action"] = action, ["author"] = report.AuthorId.ToString() });
        if (action == ReportActions.Ban)
        {
            await s.AuditAsync("stories.ban", $"user:{report.AuthorId}", new Dictionary<string, string> { ["report"] = id.ToString() });
        }

        var closed = await db.Set<StoryReport>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return TypedResults.Ok(await ViewAsync(db, closed, ct));
    }

    private static string Target(StoryReport report) =>
        report.SegmentId is { } segment ? $"story_segment:{segment}" : $"story_scene:{report.SceneId}";

    private static async Task<ReportView> ViewAsync(LoomDb db, StoryReport r, CancellationToken ct)
    {
        var title = await db.Set<StoryScene>().AsNoTracking().Where(c => c.Id == r.SceneId).Select(c => c.Title).FirstOrDefaultAsync(ct);
        var prompt = r.SegmentId is { } segmentId
            ? await db.Set<StorySegment>().AsNoTracking().Where(g => g.Id == segmentId).Select(g => g.Prompt).FirstOrDefaultAsync(ct)
            : await db.Set<StorySegment>().AsNoTracking().Where(g => g.SceneId == r.SceneId).OrderBy(g => g.Index).ThenBy(g => g.CreatedAt).Select(g => g.Prompt).FirstOrDefaultAsync(ct);
        return new ReportView(
            r.Id, r.SceneId, r.SegmentId, r.ReporterId, r.AuthorId, r.Reason, r.ResolvedAt is null ? "open" : "resolved", r.Resolution, r.Note, r.CreatedAt, r.ResolvedAt, title, prompt);
    }
}
