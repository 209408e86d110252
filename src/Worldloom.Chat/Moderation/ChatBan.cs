namespace Worldloom.Chat.Moderation;

/// <summary>A user barred from one room: removed from it and refused when they try to join again, until it expires.</summary>
public sealed class ChatBan
{
    /// <summary>The room.</summary>
    public Guid RoomId { get; set; }

    /// <summary>The banned user.</summary>
    public Guid UserId { get; set; }

    /// <summary>The owner, moderator or admin who banned them.</summary>
    public Guid BannedBy { get; set; }

    /// <summary>Why, as the moderator wrote it (up to 500 characters; may be empty).</summary>
    public string Reason { get; set; } = "";

    /// <summary>When the ban was (last) set.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops applying; null for a permanent ban.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>True while the ban applies at <paramref name="now"/>.</summary>
    public bool AppliesAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
