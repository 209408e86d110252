using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Rooms;

/// <summary>Moving a member's read marker, shared by REST and the WebSocket.</summary>
public static class ReadMarkers
{
    /// <summary>
    /// Moves <paramref name="userId"/>'s marker in <paramref name="roomId"/> forward to <paramref name="messageId"/> (never
    /// back). The error is a protocol code (<see cref="ChatErrors"/>) with its detail, or null with the marker, the unread
    /// count, and the room and membership as they are now (for an answer that shows the room).
    /// </summary>
    public static async Task<(string? Error, string? Detail, Guid Marker, int Unread, ChatRoom? Room, ChatMember? Member)> MoveAsync(LoomDb db, Guid roomId, Guid userId, Guid messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await RoomAccess.FindAsync(db, roomId, userId, ct, trackMember: true) is not var (room, member))
        {
            return (ChatErrors.NotFound, "no such room.", default, 0, null, null);
        }

        if (member is null)
        {
            return (ChatErrors.NotMember, "join the room first.", default, 0, null, null);
        }

        if (!await db.Set<ChatMessage>().AnyAsync(m => m.Id == messageId && m.RoomId == roomId, ct))
        {
            return (ChatErrors.Invalid, "no message with that id in this room.", default, 0, null, null);
        }

        if (messageId.CompareTo(member.LastReadMessageId) > 0)
        {
            // Compare-and-set: of two devices moving the marker at once, the one further ahead wins.
            await db.Set<ChatMember>().Where(m => m.RoomId == roomId && m.UserId == userId && m.LastReadMessageId.CompareTo(messageId) < 0)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastReadMessageId, messageId), ct);
        }

        var marker = await db.Set<ChatMember>().AsNoTracking().Where(m => m.RoomId == roomId && m.UserId == userId).Select(m => m.LastReadMessageId).FirstAsync(ct);
        var unread = (await RoomAccess.UnreadAsync(db, userId, ct)).GetValueOrDefault(roomId);
        member.LastReadMessageId = marker;
        return (null, null, marker, unread, room, member);
    }
}
