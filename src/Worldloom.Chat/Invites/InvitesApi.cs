using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Invites;

/// <summary>Creating invites (owners and moderators) and accepting them.</summary>
public static class InvitesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapInvitesApi(this IEndpointRouteBuilder routes)
    {
        var invites = routes.MapGroup("/api/chat/invites").WithTags("Chat").RequireAuthorization();
        invites.MapPost("/", CreateAsync);
        invites.MapPost("/{code}/accept", AcceptAsync);
        return routes;
    }

    /// <summary>Creates an invite to a room the caller owns or moderates: 201 with the code.</summary>
    public static async Task<IResult> CreateAsync(InviteCreate body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        if (body.RoomId is null)
        {
            v.Add("roomId", "is required.");
        }

        if (body.MaxUses is not (>= 1 and <= ChatRules.MaxInviteUses))
        {
            v.Add("maxUses", $"must be between 1 and {ChatRules.MaxInviteUses}.");
        }

        if (body.ExpiresInMinutes is not (>= 1 and <= ChatRules.MaxInviteMinutes))
        {
            v.Add("expiresInMinutes", $"must be between 1 and {ChatRules.MaxInviteMinutes} (30 days).");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        var roomId = body.RoomId!.Value;
        if (await RoomAccess.FindAsync(db, roomId, userId, ct) is not var (_, member))
        {
            return Problems.NotFound("room");
        }

        if (member is null || !ChatRoomRoles.Moderates(member.Role))
        {
            return Problems.Forbidden("only a room owner or moderator can create invites.");
        }

        var now = clock.GetUtcNow();
        var code = InviteCodes.New();
        var invite = new ChatInvite
        {
            CodeHash = InviteCodes.Hash(code), RoomId = roomId, MaxUses = body.MaxUses!.Value, ExpiresAt = now.AddMinutes(body.ExpiresInMinutes!.Value), CreatedBy = userId, CreatedAt = now,
        };
        db.Set<ChatInvite>().Add(invite);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(
            userId.ToString(), http.ClientIp(), "chat.invite.create", $"chat-room:{roomId}",
            new Dictionary<string, string> { ["maxUses"] = invite.MaxUses.ToString(System.Globalization.CultureInfo.InvariantCulture), ["expiresAt"] = invite.ExpiresAt.ToString("O") }), ct);
        return TypedResults.Created($"/api/chat/rooms/{roomId}", new InviteView(code, roomId, invite.MaxUses, invite.ExpiresAt));
    }

    /// <summary>
    /// Joins the invite's room: 200 with the room (also when already a member, which spends no use). Unknown codes 404;
    /// expired or used-up ones 410.
    /// </summary>
    public static async Task<IResult> AcceptAsync(string code, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = InviteCodes.Hash(code);
        var invite = await db.Set<ChatInvite>().AsNoTracking().FirstOrDefaultAsync(i => i.CodeHash == hash, ct);
        var room = invite is null ? null : await db.Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == invite.RoomId && r.ClosedAt == null, ct);
        if (invite is null || room is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No invite with that code.");
        }

        var userId = user.UserId();
        var member = await db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == room.Id && m.UserId == userId, ct);
        if (member is not null)
        {
            return TypedResults.Ok(RoomView.From(room, member));
        }

        var now = clock.GetUtcNow();
        // Before spending a use: a banned user's attempt must not use up the invite for others.
        if (await SendPolicy.JoinRefusalAsync(db, room.Id, userId, now, ct) is { } banned)
        {
            return banned.ToProblem();
        }

        // One conditional UPDATE spends a use: the database decides between concurrent accepts, so an invite with one
        // use left admits exactly one of them however many arrive at once.
        var spent = await db.Set<ChatInvite>()
            .Where(i => i.CodeHash == hash && i.Uses < i.MaxUses && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1), ct);
        if (spent == 0)
        {
            return invite.ExpiresAt <= now ? Gone("the invite has expired.") : Gone("the invite has been used up.");
        }

        var (joined, problem) = await RoomsApi.AddMemberAsync(db, audit, clock, http, room, userId, "invite", ct);
        return problem ?? TypedResults.Ok(RoomView.From(room, joined));
    }

    private static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Gone.", detail: detail);
}
