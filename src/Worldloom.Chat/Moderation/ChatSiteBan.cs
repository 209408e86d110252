namespace Worldloom.Chat.Moderation;

/// <summary>A user barred from chat everywhere by an admin: they may still read their rooms, but not post, react, edit or join.</summary>
public sealed class ChatSiteBan
{
    /// <summary>The banned user.</summary>
    public Guid UserId { get; set; }

    /// <summary>The admin who banned them.</summary>
    public Guid BannedBy { get; set; }

    /// <summary>Why (up to 500 characters; may be empty).</summary>
    public string Reason { get; set; } = "";

    /// <summary>When the ban was (last) set.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops applying; null for a permanent ban.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>True while the ban applies at <paramref name="now"/>.</summary>
    public bool AppliesAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
