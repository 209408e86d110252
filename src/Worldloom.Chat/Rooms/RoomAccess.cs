using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Rooms;

/// <summary>
/// Who may see a room. Private and invite-only rooms answer 404 to non-members, so their ids cannot be probed; public
/// rooms are visible to everyone signed in, but reading and posting need membership (403 "join the room first").
/// A room closed by an admin is gone (404) for everyone here. Admins get no override here: chat is between its members;
/// they moderate through the moderation endpoints and <c>/api/admin/chat</c>.
/// </summary>
public static class RoomAccess
{
    /// <summary>The room and the caller's membership (null when not a member), or null when the caller may not see the room.</summary>
    public static async Task<(ChatRoom Room, ChatMember? Member)?> FindAsync(LoomDb db, Guid roomId, Guid userId, CancellationToken ct, bool trackMember = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var room = await db.Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId && r.ClosedAt == null, ct);
        if (room is null)
        {
            return null;
        }

        var members = trackMember ? db.Set<ChatMember>() : db.Set<ChatMember>().AsNoTracking();
        var member = await members.FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == userId, ct);
        if (member is null && room.Kind != ChatRoomKinds.Public)
        {
            return null;
        }

        return (room, member);
    }

    /// <summary>Unread counts of the caller's rooms: messages after their marker, by others, not deleted. Rooms with none are absent.</summary>
    public static Task<Dictionary<Guid, int>> UnreadAsync(LoomDb db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from m in db.Set<Messages.ChatMessage>()
                join mem in db.Set<ChatMember>() on m.RoomId equals mem.RoomId
                where mem.UserId == userId && m.AuthorId != userId && m.DeletedAt == null && m.Id.CompareTo(mem.LastReadMessageId) > 0
                group m by m.RoomId into g
                select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
