using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Rooms;

/// <summary><c>/api/chat/rooms</c>: creating, listing, joining and leaving rooms, and read markers.</summary>
public static class RoomsApi
{
    /// <summary>How many rooms of each list (mine, joinable) one call returns.</summary>
    private const int ListCap = 200;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder routes)
    {
        var rooms = routes.MapGroup("/api/chat/rooms").WithTags("Chat").RequireAuthorization();
        rooms.MapPost("/", CreateAsync);
        rooms.MapGet("/", ListAsync);
        rooms.MapGet("/{id:guid}", GetAsync);
        rooms.MapPost("/{id:guid}/join", JoinAsync);
        rooms.MapPost("/{id:guid}/leave", LeaveAsync);
        rooms.MapPost("/{id:guid}/read", ReadAsync);
        return routes;
    }

    /// <summary>Creates a room; the caller becomes its owner. 201 with the room.</summary>
    public static async Task<IResult> CreateAsync(RoomCreate body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var name = v.Text("name", body.Name, ChatRules.MaxRoomNameLength);
        var topic = body.Topic?.Trim() ?? "";
        if (topic.Length > ChatRules.MaxTopicLength)
        {
            v.Add("topic", $"must be at most {ChatRules.MaxTopicLength} characters.");
        }

        if (body.Kind is null || !ChatRoomKinds.All.Contains(body.Kind))
        {
            v.Add("kind", $"must be one of {string.Join(", ", ChatRoomKinds.All)}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        if (body.ProjectId is { } projectId)
        {
            var isAdmin = user.IsInRole(Roles.Admin);
            var live = await db.Projects.AsNoTracking().AnyAsync(p => p.Id == projectId && p.DeletedAt == null && (isAdmin || p.OwnerId == userId), ct);
            if (!live)
            {
                // The same answer for "no such project" and "someone else's": project ids cannot be probed.
                return Problems.Field("projectId", "no project of yours with that id.");
            }
        }

        var now = clock.GetUtcNow();
        var room = new ChatRoom
        {
            Id = Guid.CreateVersion7(now), Name = name, Topic = topic, Kind = body.Kind!, ProjectId = body.ProjectId, OwnerId = userId, CreatedAt = now, Encrypted = body.Encrypted == true,
        };
        var member = new ChatMember { RoomId = room.Id, UserId = userId, Role = ChatRoomRoles.Owner, JoinedAt = now };
        db.Set<ChatRoom>().Add(room);
        db.Set<ChatMember>().Add(member);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "chat.room.create", $"chat-room:{room.Id}", new Dictionary<string, string> { ["kind"] = room.Kind, ["encrypted"] = room.Encrypted ? "true" : "false" }), ct);
        return TypedResults.Created($"/api/chat/rooms/{room.Id}", RoomView.From(room, member));
    }

    /// <summary>The caller's rooms (with unread counts), then public rooms they could join; each list newest first, at most 200.</summary>
    public static async Task<IResult> ListAsync(ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var userId = user.UserId();
        var mine = await (from r in db.Set<ChatRoom>().AsNoTracking()
                          join m in db.Set<ChatMember>().AsNoTracking() on r.Id equals m.RoomId
                          where m.UserId == userId && r.ClosedAt == null
                          orderby r.CreatedAt descending, r.Id
                          select new { Room = r, Member = m }).Take(ListCap).ToListAsync(ct);
        var unread = await RoomAccess.UnreadAsync(db, userId, ct);
        var joinable = await db.Set<ChatRoom>().AsNoTracking()
            .Where(r => r.Kind == ChatRoomKinds.Public && r.ClosedAt == null && !db.Set<ChatMember>().Any(m => m.RoomId == r.Id && m.UserId == userId))
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(ListCap).ToListAsync(ct);
        return TypedResults.Ok(
            mine.Select(x => RoomView.From(x.Room, x.Member, unread.GetValueOrDefault(x.Room.Id)))
                .Concat(joinable.Select(r => RoomView.From(r, null)))
                .ToList());
    }

    /// <summary>One room the caller may see.</summary>
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var userId = user.UserId();
        if (await RoomAccess.FindAsync(db, id, userId, ct) is not var (room, member))
        {
            return Problems.NotFound("room");
        }

        var unread = member is null ? 0 : (await RoomAccess.UnreadAsync(db, userId, ct)).GetValueOrDefault(id);
        return TypedResults.Ok(RoomView.From(room, member, unread));
    }

    /// <summary>Joins a public room (200 with the room, also when already a member). Invite-only rooms answer 403 naming the invite; private ones 404.</summary>
    public static async Task<IResult> JoinAsync(Guid id, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        var userId = user.UserId();
        if (await RoomAccess.FindAsync(db, id, userId, ct) is var (room, member))
        {
            if (member is not null)
            {
                return TypedResults.Ok(RoomView.From(room, member));
            }
        }
        else
        {
            // Only here does an invite-only room admit that it exists to an outsider: whoever holds its id (a shared
            // link) learns that an invite is what they need. Private rooms stay 404; ids are version 7 with 74 random bits.
            var inviteOnly = await db.Set<ChatRoom>().AsNoTracking().AnyAsync(r => r.Id == id && r.Kind == ChatRoomKinds.InviteOnly && r.ClosedAt == null, ct);
            return inviteOnly ? Problems.Forbidden("this room is invite-only: accept an invite to join it.") : Problems.NotFound("room");
        }

        if (await SendPolicy.JoinRefusalAsync(db, id, userId, clock.GetUtcNow(), ct) is { } banned)
        {
            return banned.ToProblem();
        }

        var (joined, problem) = await AddMemberAsync(db, audit, clock, http, room, userId, "public", ct);
        return problem ?? TypedResults.Ok(RoomView.From(room, joined));
    }

    /// <summary>
    /// Adds the caller to a room and audits it; a concurrent join of the same user is answered with the row it made.
    /// Shared by joining a public room and accepting an invite.
    /// </summary>
    internal static async Task<(ChatMember? Member, IResult? Problem)> AddMemberAsync(
        LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, ChatRoom room, Guid userId, string via, CancellationToken ct)
    {
        var member = new ChatMember { RoomId = room.Id, UserId = userId, Role = ChatRoomRoles.Member, JoinedAt = clock.GetUtcNow() };
        db.Set<ChatMember>().Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The (room, user) key: the same user joined at the same moment from another request.
            db.ChangeTracker.Clear();
            var existing = await db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == room.Id && m.UserId == userId, ct);
            return existing is null ? (null, Problems.Conflict("room", "joining failed; try again.")) : (existing, null);
        }

        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "chat.room.join", $"chat-room:{room.Id}", new Dictionary<string, string> { ["via"] = via }), ct);
        var relay = http.RequestServices.GetRequiredService<IChatRelay>();
        await relay.MemberChangedAsync(room.Id, userId, ct);
        await relay.PublishAsync(room.Id, new MemberEvent(room.Id, userId, MemberChanges.Joined), ct: ct);
        return (member, null);
    }

    /// <summary>Leaves a room. 204; 409 when the caller is its only owner.</summary>
    public static async Task<IResult> LeaveAsync(Guid id, ClaimsPrincipal user, LoomDb db, IAuditChain audit, IChatRelay relay, HttpContext http, CancellationToken ct)
    {
        var userId = user.UserId();
        if (await RoomAccess.FindAsync(db, id, userId, ct, trackMember: true) is not var (room, member))
        {
            return Problems.NotFound("room");
        }

        if (member is null)
        {
            return Problems.Forbidden("you are not a member of this room.");
        }

        if (member.Role == ChatRoomRoles.Owner
            && !await db.Set<ChatMember>().AnyAsync(m => m.RoomId == id && m.UserId != userId && m.Role == ChatRoomRoles.Owner, ct))
        {
            return Problems.Conflict("room", "you are its only owner; a room cannot be left without one.");
        }

        db.Set<ChatMember>().Remove(member);
        await db.SaveChangesAsync(ct);
        await RoomKeys.MemberRemovedAsync(db, relay, room.Id, ct);
        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "chat.room.leave", $"chat-room:{room.Id}"), ct);
        await relay.MemberChangedAsync(room.Id, userId, ct);
        await relay.PublishAsync(room.Id, new MemberEvent(room.Id, userId, MemberChanges.Left), ct: ct);
        return TypedResults.NoContent();
    }

    /// <summary>Moves the caller's read marker forward to a message of the room (never back). 200 with the room and its unread count.</summary>
    public static async Task<IResult> ReadAsync(Guid id, ReadMarker body, ClaimsPrincipal user, LoomDb db, IChatRelay relay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.MessageId is not { } messageId)
        {
            return Problems.Field("messageId", "is required.");
        }

        var userId = user.UserId();
        var moved = await ReadMarkers.MoveAsync(db, id, userId, messageId, ct);
        switch (moved.Error)
        {
            case ChatErrors.NotFound:
                return Problems.NotFound("room");
            case ChatErrors.NotMember:
                return Problems.Forbidden("join the room first.");
            case not null:
                return Problems.Field("messageId", moved.Detail!);
        }

        await relay.PublishAsync(id, new ReadEvent(id, moved.Marker, moved.Unread), userId, ct);
        return TypedResults.Ok(RoomView.From(moved.Room!, moved.Member, moved.Unread));
    }
}
