namespace Worldloom.Chat.Moderation;

/// <summary>
/// A member's report of a message, open until a moderator resolves it. It keeps no copy of the body: a deleted message's
/// text must be gone from the database, reports included; moderators read the message itself (and its history).
/// </summary>
public sealed class ChatReport
{
    /// <summary>Id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>The reported message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The message's room, so a room's queue is one index look-up.</summary>
    public Guid RoomId { get; set; }

    /// <summary>The message's author at the time of the report.</summary>
    public Guid AuthorId { get; set; }

    /// <summary>Who reported it.</summary>
    public Guid ReporterId { get; set; }

    /// <summary>One of <see cref="ReportCategories"/>.</summary>
    public required string Category { get; set; }

    /// <summary>The reporter's words, 1–500 characters.</summary>
    public required string Reason { get; set; }

    /// <summary>When it was filed.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was resolved; null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who resolved it.</summary>
    public Guid? ResolvedBy { get; set; }

    /// <summary>The action taken, one of <see cref="ReportActions"/>; null while open.</summary>
    public string? Resolution { get; set; }
}
