using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Moderation;

/// <summary>Reporting messages (any member), a room's queue of open reports and resolving them (owners, moderators, admins).</summary>
public static class ReportsApi
{
    /// <summary>Most reports one queue page returns.</summary>
    internal const int QueueCap = 500;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/chat/messages/{id:guid}/reports", ReportAsync).WithTags("Chat moderation").RequireAuthorization();
        routes.MapGet("/api/chat/rooms/{id:guid}/reports", ListAsync).WithTags("Chat moderation").RequireAuthorization();
        routes.MapPost("/api/chat/reports/{id:guid}/resolve", ResolveAsync).WithTags("Chat moderation").RequireAuthorization();
        return routes;
    }

    /// <summary>
    /// Reports a message of a room the caller is in: 201 with the report. One open report per reporter and message: a
    /// replay answers 200 with the open report, whatever it says.
    /// </summary>
    public static async Task<IResult> ReportAsync(Guid id, ReportCreate body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        var reason = v.Text("reason", body.Reason, ModerationRules.MaxReasonLength);
        if (body.Category is null || !ReportCategories.All.Contains(body.Category))
        {
            v.Add("category", $"must be one of {string.Join(", ", ReportCategories.All)}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = s.User.UserId();
        var (message, _, _, problem) = await MessageAccess.FindAsync(s.Db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (message!.AuthorId == userId)
        {
            return Problems.Forbidden("you cannot report your own message.");
        }

        if (message.DeletedAt is not null)
        {
            return Problems.Conflict("id", "the message was deleted.");
        }

        if (await OpenAsync(s.Db, id, userId, ct) is { } earlier)
        {
            return TypedResults.Ok(ReportView.From(earlier, message.Body));
        }

        var now = s.Clock.GetUtcNow();
        var report = new ChatReport
        {
            Id = Guid.CreateVersion7(now), MessageId = id, RoomId = message.RoomId, AuthorId = message.AuthorId, ReporterId = userId, Category = body.Category!, Reason = reason,
            CreatedAt = now,
        };
        s.Db.Set<ChatReport>().Add(report);
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index on open (message, reporter): a replay raced this one; answer with its row.
            s.Db.ChangeTracker.Clear();
            return await OpenAsync(s.Db, id, userId, ct) is { } raced
                ? TypedResults.Ok(ReportView.From(raced, message.Body))
                : Problems.Conflict("id", "the report could not be stored; send it again.");
        }

        await s.AuditAsync(userId, "chat.report.create", message.RoomId, message.AuthorId,
            new Dictionary<string, string> { ["report"] = report.Id.ToString(), ["message"] = id.ToString(), ["category"] = report.Category }, ct);
        return TypedResults.Created($"/api/chat/rooms/{message.RoomId}/reports", ReportView.From(report, message.Body));
    }

    private static Task<ChatReport?> OpenAsync(LoomDb db, Guid messageId, Guid reporterId, CancellationToken ct) =>
        db.Set<ChatReport>().AsNoTracking().FirstOrDefaultAsync(r => r.MessageId == messageId && r.ReporterId == reporterId && r.ResolvedAt == null, ct);

    /// <summary>The room's open reports, oldest first (a queue), with each message's current body. Owners, moderators, admins.</summary>
    public static async Task<IResult> ListAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (_, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        return problem ?? TypedResults.Ok(await QueueAsync(s.Db, s.Db.Set<ChatReport>().Where(r => r.RoomId == id), ct));
    }

    /// <summary>Open reports among <paramref name="reports"/>, oldest first, at most 500, with the messages' current bodies.</summary>
    internal static async Task<List<ReportView>> QueueAsync(LoomDb db, IQueryable<ChatReport> reports, CancellationToken ct)
    {
        var rows = await (from r in reports.AsNoTracking()
                          join m in db.Set<ChatMessage>().AsNoTracking() on r.MessageId equals m.Id
                          where r.ResolvedAt == null
                          orderby r.CreatedAt, r.Id
                          select new { Report = r, m.Body, m.DeletedAt }).Take(QueueCap).ToListAsync(ct);
        return rows.Select(x => ReportView.From(x.Report, x.DeletedAt is null ? x.Body : null)).ToList();
    }

    /// <summary>
    /// Resolves an open report: applies the action to the message or its author, then closes it and every other open
    /// report of the same message (the moderator has decided about that message). 200 with the report; 409 when it was
    /// already resolved. A refused action (say, a moderator banning an owner) leaves the report open.
    /// </summary>
    public static async Task<IResult> ResolveAsync(Guid id, ReportResolve body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (body.Action is null || !ReportActions.All.Contains(body.Action))
        {
            v.Add("action", $"must be one of {string.Join(", ", ReportActions.All)}.");
        }
        else if (body.Action == ReportActions.Mute)
        {
            ModerationInput.MuteMinutes(v, body.Minutes);
        }
        else if (body.Action == ReportActions.Ban)
        {
            ModerationInput.BanMinutes(v, body.Minutes);
        }
        else if (body.Minutes is not null)
        {
            v.Add("minutes", "applies only to ban and mute.");
        }

        var reason = ModerationInput.Reason(v, body.Reason);
        if (v.Failed)
        {
            return v.Problem();
        }

        var report = await s.Db.Set<ChatReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Problems.NotFound("report");
        }

        var (moderator, problem) = await Moderator.FindAsync(s.Db, report.RoomId, s.User, ct);
        if (problem is not null)
        {
            // Reports are not probed through rooms one cannot see: the room's 404 becomes the report's.
            return problem is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound } ? Problems.NotFound("report") : problem;
        }

        if (report.ResolvedAt is not null)
        {
            return AlreadyResolved();
        }

        if (body.Action is ReportActions.Kick or ReportActions.Mute
            && !await s.Db.Set<ChatMember>().AnyAsync(m => m.RoomId == report.RoomId && m.UserId == report.AuthorId, ct))
        {
            return Problems.Conflict("action", "the author is no longer a member of the room; ban them instead.");
        }

        // Claim the report first, so of two moderators resolving it at once exactly one acts; a refused action reopens it.
        var now = s.Clock.GetUtcNow();
        var claimed = await s.Db.Set<ChatReport>().Where(r => r.Id == id && r.ResolvedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ResolvedAt, (DateTimeOffset?)now).SetProperty(r => r.ResolvedBy, (Guid?)moderator!.UserId).SetProperty(r => r.Resolution, body.Action), ct);
        if (claimed == 0)
        {
            return AlreadyResolved();
        }

        var refused = await ApplyAsync(s, moderator!, report, body.Action!, body.Minutes, reason, ct);
        if (refused is not null)
        {
            await ReopenAsync(s.Db, id, ct);
            return refused;
        }

        await s.Db.Set<ChatReport>().Where(r => r.MessageId == report.MessageId && r.ResolvedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ResolvedAt, (DateTimeOffset?)now).SetProperty(r => r.ResolvedBy, (Guid?)moderator!.UserId).SetProperty(r => r.Resolution, body.Action), ct);
        await s.AuditAsync(moderator!.UserId, "chat.report.resolve", report.RoomId, report.AuthorId,
            new Dictionary<string, string> { ["report"] = id.ToString(), ["message"] = report.MessageId.ToString(), ["action"] = body.Action! }, ct);
        var message = await s.Db.Set<ChatMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == report.MessageId, ct);
        var closed = await s.Db.Set<ChatReport>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return TypedResults.Ok(ReportView.From(closed, message is { DeletedAt: null } ? message.Body : null));
    }

    private static async Task<IResult?> ApplyAsync(ModerationServices s, Moderator moderator, ChatReport report, string action, int? minutes, string reason, CancellationToken ct)
    {
        switch (action)
        {
            case ReportActions.Delete:
                if (await MessagesApi.TombstoneAsync(s.Db, report.MessageId, s.Clock.GetUtcNow(), ct))
                {
                    await s.AuditAsync(moderator.UserId, "chat.message.delete", report.RoomId, report.AuthorId,
                        new Dictionary<string, string> { ["message"] = report.MessageId.ToString(), ["report"] = report.Id.ToString() }, ct);
                    await s.Relay.PublishAsync(report.RoomId, new DeletedEvent(report.RoomId, report.MessageId), ct: ct);
                }

                return null;
            case ReportActions.Kick:
                return await Sanctions.KickAsync(s, moderator, report.AuthorId, reason, ct);
            case ReportActions.Ban:
                return (await Sanctions.BanAsync(s, moderator, report.AuthorId, reason, minutes, ct)).Problem;
            case ReportActions.Mute:
                return (await Sanctions.MuteAsync(s, moderator, report.AuthorId, minutes!.Value, ct)).Problem;
            default:
                return null;
        }
    }

    private static async Task ReopenAsync(LoomDb db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.Set<ChatReport>().Where(r => r.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ResolvedAt, (DateTimeOffset?)null).SetProperty(r => r.ResolvedBy, (Guid?)null).SetProperty(r => r.Resolution, (string?)null), ct);
        }
        catch (DbException)
        {
            // The reporter filed a new report on the same message in the moment this one was claimed: that one stays open.
        }
    }

    private static IResult AlreadyResolved() => Problems.Conflict("id", "the report was already resolved.");
}
