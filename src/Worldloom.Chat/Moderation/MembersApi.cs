using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Moderation;

/// <summary><c>/api/chat/rooms/{id}/members</c>: the member list, roles, kicks and mutes.</summary>
public static class MembersApi
{
    private static readonly string[] RoomRoles = [ChatRoomRoles.Owner, ChatRoomRoles.Moderator, ChatRoomRoles.Member];

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/api/chat/rooms/{id:guid}/members").WithTags("Chat moderation").RequireAuthorization();
        members.MapGet("/", ListAsync);
        members.MapPost("/{userId:guid}/role", SetRoleAsync);
        members.MapPost("/{userId:guid}/kick", KickAsync);
        members.MapPost("/{userId:guid}/mute", MuteAsync);
        members.MapDelete("/{userId:guid}/mute", UnmuteAsync);
        return routes;
    }

    /// <summary>The room's members with roles and mutes in force, owners first, then by joining; members (and admins) only.</summary>
    public static async Task<IResult> ListAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct, int? limit = null, int? offset = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (limit is < 1 or > 1000)
        {
            v.Add("limit", "must be between 1 and 1000.");
        }

        if (offset is < 0)
        {
            v.Add("offset", "must not be negative.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = s.User.UserId();
        if (s.User.IsInRole(Roles.Admin))
        {
            if (!await s.Db.Set<ChatRoom>().AnyAsync(r => r.Id == id && r.ClosedAt == null, ct))
            {
                return Problems.NotFound("room");
            }
        }
        else if (await RoomAccess.FindAsync(s.Db, id, userId, ct) is not var (_, member))
        {
            return Problems.NotFound("room");
        }
        else if (member is null)
        {
            return Problems.Forbidden("join the room first.");
        }

        var now = s.Clock.GetUtcNow();
        var rows = await (from m in s.Db.Set<ChatMember>().AsNoTracking()
                          join u in s.Db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.RoomId == id
                          orderby m.Role == ChatRoomRoles.Owner descending, m.Role == ChatRoomRoles.Moderator descending, m.JoinedAt, m.UserId
                          select new { m.UserId, u.DisplayName, m.Role, m.JoinedAt, m.MutedUntil })
            .Skip(offset ?? 0).Take(limit ?? 200).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new MemberView(r.UserId, r.DisplayName, r.Role, r.JoinedAt, r.MutedUntil > now ? r.MutedUntil : null)).ToList());
    }

    /// <summary>
    /// Sets a member's role. Owners (and admins) only; the room's last owner cannot be demoted. 200 with the member.
    /// Audited as <c>chat.member.role</c>.
    /// </summary>
    public static async Task<IResult> SetRoleAsync(Guid id, Guid userId, RoleChange body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(s);
        if (body.Role is null || !RoomRoles.Contains(body.Role))
        {
            return Problems.Field("role", $"must be one of {string.Join(", ", RoomRoles)}.");
        }

        var (moderator, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (moderator!.Rank < ModerationRules.Rank(ChatRoomRoles.Owner))
        {
            return Problems.Forbidden("only a room owner can change roles.");
        }

        var target = await s.Db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == id && m.UserId == userId, ct);
        if (target is null)
        {
            return Problems.NotFound("member");
        }

        var from = target.Role;
        if (from != body.Role)
        {
            var demotesOwner = from == ChatRoomRoles.Owner;
            int changed;
            try
            {
                // Serializable, with the owner count inside the UPDATE: two owners demoting each other at once cannot
                // leave the room without one (PostgreSQL fails one of them; SQLite runs writers one at a time).
                await using var transaction = await s.Db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
                changed = await s.Db.Set<ChatMember>()
                    .Where(m => m.RoomId == id && m.UserId == userId && m.Role == from
                        && (!demotesOwner || s.Db.Set<ChatMember>().Count(o => o.RoomId == id && o.Role == ChatRoomRoles.Owner) > 1))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, body.Role), ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbException)
            {
                return Problems.Conflict("role", "the room's roles changed at the same moment; try again.");
            }

            if (changed == 0)
            {
                return demotesOwner && await s.Db.Set<ChatMember>().AnyAsync(m => m.RoomId == id && m.UserId == userId && m.Role == from, ct)
                    ? Problems.Conflict("role", "they are the room's only owner; make someone else owner first.")
                    : Problems.Conflict("role", "their membership changed at the same moment; reload and try again.");
            }

            target.Role = body.Role;
            await s.AuditAsync(moderator.UserId, "chat.member.role", id, userId, new Dictionary<string, string> { ["from"] = from, ["to"] = body.Role }, ct);
            await s.MemberChangedAsync(id, userId, MemberChanges.Role, ct);
        }

        var name = await s.Db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var now = s.Clock.GetUtcNow();
        return TypedResults.Ok(new MemberView(target.UserId, name, target.Role, target.JoinedAt, target.MutedUntil > now ? target.MutedUntil : null));
    }

    /// <summary>Removes a member (who may join again). 204. Owners and moderators act on lower roles only.</summary>
    public static async Task<IResult> KickAsync(Guid id, Guid userId, KickRequest? body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        var reason = ModerationInput.Reason(v, body?.Reason);
        if (v.Failed)
        {
            return v.Problem();
        }

        var (moderator, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        return problem ?? await Sanctions.KickAsync(s, moderator!, userId, reason, ct) ?? TypedResults.NoContent();
    }

    /// <summary>Mutes a member for 1 minute to 30 days: they read but cannot post, edit or react. 200 with the member.</summary>
    public static async Task<IResult> MuteAsync(Guid id, Guid userId, MuteRequest body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        ModerationInput.MuteMinutes(v, body.Minutes);
        if (v.Failed)
        {
            return v.Problem();
        }

        var (moderator, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (_, refused) = await Sanctions.MuteAsync(s, moderator!, userId, body.Minutes!.Value, ct);
        return refused ?? await MemberAsync(s, id, userId, ct);
    }

    /// <summary>Lifts a mute. 204, also when there was none.</summary>
    public static async Task<IResult> UnmuteAsync(Guid id, Guid userId, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (moderator, problem) = await Moderator.FindAsync(s.Db, id, s.User, ct);
        return problem ?? await Sanctions.UnmuteAsync(s, moderator!, userId, ct) ?? TypedResults.NoContent();
    }

    private static async Task<IResult> MemberAsync(ModerationServices s, Guid roomId, Guid userId, CancellationToken ct)
    {
        var row = await (from m in s.Db.Set<ChatMember>().AsNoTracking()
                         join u in s.Db.Users.AsNoTracking() on m.UserId equals u.Id
                         where m.RoomId == roomId && m.UserId == userId
                         select new MemberView(m.UserId, u.DisplayName, m.Role, m.JoinedAt, m.MutedUntil)).FirstOrDefaultAsync(ct);
        return row is null ? Problems.NotFound("member") : TypedResults.Ok(row);
    }
}
