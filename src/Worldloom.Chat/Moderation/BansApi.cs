using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Moderation;

/// <summary><c>/api/chat/rooms/{id}/bans</c>: banning, unbanning and the list of bans in force. Owners, moderators and admins.</summary>
public static class BansApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapBansApi(this IEndpointRouteBuilder routes)
    {
        var bans = routes.MapGroup("/api/chat/rooms/{id:guid}/bans").WithTags("Chat moderation").RequireAuthorization();
        bans.MapGet("/", ListAsync);
        bans.MapPost("/", BanAsync);
        bans.MapDelete("/{userId:guid}", UnbanAsync);
        return routes;
    }

    /// <summary>The room's bans in force, newest first (expired ones are not shown).</summary>
    public static async Task<IResult> ListAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (_, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        if (problem is not null)
        {
            return problem;
        }

        var now = s.Clock.GetUtcNow();
        var bans = await s.Db.Set<ChatBan>().AsNoTracking().Where(b => b.RoomId == id && (b.ExpiresAt == null || b.ExpiresAt > now))
            .OrderByDescending(b => b.CreatedAt).ThenBy(b => b.UserId).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(bans.Select(BanView.From).ToList());
    }

    /// <summary>
    /// Bans a user (member or not) for <c>minutes</c> or permanently: removes their membership and refuses their joins.
    /// 201 with the ban; 200 when a ban was already stored (it is replaced).
    /// </summary>
    public static async Task<IResult> BanAsync(Guid id, BanRequest body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (body.UserId is null)
        {
            v.Add("userId", "is required.");
        }

        var reason = ModerationInput.Reason(v, body.Reason);
        ModerationInput.BanMinutes(v, body.Minutes);
        if (v.Failed)
        {
            return v.Problem();
        }

        var (moderator, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (ban, created, refused) = await Sanctions.BanAsync(s, moderator!, body.UserId!.Value, reason, body.Minutes, ct);
        if (refused is not null)
        {
            return refused;
        }

        var view = BanView.From(ban!);
        return created ? TypedResults.Created($"/api/chat/rooms/{id}/bans", view) : TypedResults.Ok(view);
    }

    /// <summary>Lifts a ban. 204, also when there was none. Audited as <c>chat.member.unban</c> when there was one.</summary>
    public static async Task<IResult> UnbanAsync(Guid id, Guid userId, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (moderator, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!await s.Db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Problems.NotFound("user");
        }

        var removed = await s.Db.Set<ChatBan>().Where(b => b.RoomId == id && b.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await s.AuditAsync(moderator!.UserId, "chat.member.unban", id, userId, null, ct);
            await s.MemberChangedAsync(id, userId, null, ct);
        }

        return TypedResults.NoContent();
    }
}
