using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Search;

/// <summary>Which rooms' messages a user's search may return.</summary>
public static class SearchScope
{
    /// <summary>
    /// The rooms <paramref name="userId"/> is a member of now: having left a room, or never joined a public one, its
    /// messages are not searched, nor those of encrypted rooms. This is the one place that decides it.
    /// </summary>
    public static IQueryable<Guid> SearchableRooms(LoomDb db, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from member in db.Set<ChatMember>()
               join room in db.Set<ChatRoom>() on member.RoomId equals room.Id
               // Encrypted rooms hold ciphertext: their clients search their own decrypted copies.
               where member.UserId == userId && !room.Encrypted
               select room.Id;
    }
}
