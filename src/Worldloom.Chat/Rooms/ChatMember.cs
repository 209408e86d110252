namespace Worldloom.Chat.Rooms;

/// <summary>A user's membership of a room, with their role and read marker.</summary>
public sealed class ChatMember
{
    /// <summary>The room.</summary>
    public Guid RoomId { get; set; }

    /// <summary>The user.</summary>
    public Guid UserId { get; set; }

    /// <summary>One of <see cref="ChatRoomRoles"/>.</summary>
    public required string Role { get; set; }

    /// <summary>When they joined.</summary>
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>
    /// The newest message they have read, or <see cref="Guid.Empty"/> for none. Message ids are ordered, so everything
    /// with a greater id is unread; <see cref="Guid.Empty"/> sorts before every id.
    /// </summary>
    public Guid LastReadMessageId { get; set; }

    /// <summary>Until when they may read but not post, edit or react (see <c>Moderation.SendPolicy</c>); null or past when not muted.</summary>
    public DateTimeOffset? MutedUntil { get; set; }
}
