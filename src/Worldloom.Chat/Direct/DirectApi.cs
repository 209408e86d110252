using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Direct;

/// <summary>
/// <c>POST /api/chat/dms</c>: the direct conversation between the caller and another user, always end-to-end encrypted,
/// with exactly those two members. Nobody joins it or is invited: it is not public, so joining answers 404, and its
/// members are plain members, so they cannot make invites. Leaving it rotates its key like any encrypted room.
/// </summary>
public static class DirectApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapDirectApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/chat/dms", OpenAsync).WithTags("Chat").RequireAuthorization();
        return routes;
    }

    /// <summary>
    /// 201 with the new room; 200 with the existing one when either of the two opened it before (also at the same
    /// moment: the pair's unique key decides). Whoever of the two had left is a member again.
    /// </summary>
    public static async Task<IResult> OpenAsync(DirectOpen body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, IChatRelay relay, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var userId = user.UserId();
        if (body.UserId is not { } peerId)
        {
            return Problems.Field("userId", "is required.");
        }

        if (peerId == userId)
        {
            return Problems.Field("userId", "must be someone else.");
        }

        if (!await db.Users.AsNoTracking().AnyAsync(u => u.Id == peerId, ct))
        {
            return Problems.NotFound("user");
        }

        var key = DirectKey.Of(userId, peerId);
        var room = await db.Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.DirectKey == key, ct);
        var created = false;
        if (room is null)
        {
            var now = clock.GetUtcNow();
            room = new ChatRoom
            {
                Id = Guid.CreateVersion7(now), Name = "direct", Kind = ChatRoomKinds.Direct, OwnerId = userId, CreatedAt = now, Encrypted = true, DirectKey = key,
            };
            db.Set<ChatRoom>().Add(room);
            try
            {
                await db.SaveChangesAsync(ct);
                created = true;
            }
            catch (DbUpdateException)
            {
                // The other user (or a retry) made the pair's room at the same moment: use theirs.
                db.ChangeTracker.Clear();
                room = await db.Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.DirectKey == key, ct);
                if (room is null)
                {
                    return Problems.Conflict("userId", "the conversation could not be opened; try again.");
                }
            }
        }

        ChatMember? mine = null;
        foreach (var member in new[] { userId, peerId })
        {
            var (row, joined) = await EnsureMemberAsync(db, room, member, clock, ct);
            if (joined)
            {
                await relay.MemberChangedAsync(room.Id, member, ct);
                await relay.PublishAsync(room.Id, new MemberEvent(room.Id, member, MemberChanges.Joined), ct: ct);
            }

            mine = member == userId ? row : mine;
        }

        if (created)
        {
            await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "chat.dm.create", $"chat-room:{room.Id}", new Dictionary<string, string> { ["peer"] = peerId.ToString() }), ct);
            return TypedResults.Created($"/api/chat/rooms/{room.Id}", RoomView.From(room, mine));
        }

        return TypedResults.Ok(RoomView.From(room, mine));
    }

    /// <summary>The user's membership of the room, added when missing; a concurrent add of the same row is answered with it.</summary>
    private static async Task<(ChatMember Member, bool Joined)> EnsureMemberAsync(LoomDb db, ChatRoom room, Guid userId, LoomClock clock, CancellationToken ct)
    {
        var existing = await db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == room.Id && m.UserId == userId, ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        var member = new ChatMember { RoomId = room.Id, UserId = userId, Role = ChatRoomRoles.Member, JoinedAt = clock.GetUtcNow() };
        db.Set<ChatMember>().Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
            return (member, true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await db.Set<ChatMember>().AsNoTracking().FirstAsync(m => m.RoomId == room.Id && m.UserId == userId, ct), false);
        }
    }
}
