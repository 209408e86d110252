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
    /// <summary>Whether bodies are end-to-end encrypted envelopes (see <c>docs/chat-security.md</c>). Set at creation; never changes.</summary>
    public bool Encrypted { get; set; }

    /// <summary>The current room key epoch of an encrypted room: 0 until a member uploads the first key, then 1, 2, ...</summary>
    public int KeyEpoch { get; set; }

    /// <summary>
    /// Set when someone who held the current room key lost access (a member left or was removed, a device was revoked):
    /// messages under the current epoch are refused until a member uploads the next one.
    /// </summary>
    public bool KeyRotationNeeded { get; set; }

    /// <summary>For a direct conversation: both users' ids, smaller first (see <c>Direct.DirectKey</c>); unique, so each pair has one room.</summary>
    public string? DirectKey { get; set; }
}
