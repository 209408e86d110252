namespace Worldloom.Chat.Rooms;

/// <summary>A chat room: public (anyone may join), private (members only, invisible to others) or invite-only.</summary>
public sealed class ChatRoom
{
    /// <summary>Id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>Display name, 1–100 characters.</summary>
    public required string Name { get; set; }

    /// <summary>Free text, up to 500 characters.</summary>
    public string Topic { get; set; } = "";

    /// <summary>One of <see cref="ChatRoomKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The project that owns the room, if any.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>The user who created it (its first owner).</summary>
    public Guid OwnerId { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an admin closed it; a closed room is gone for its members (404) and refuses posts and joins.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
