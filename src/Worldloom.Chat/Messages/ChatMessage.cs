namespace Worldloom.Chat.Messages;

/// <summary>A message in a room. Deleting leaves a tombstone: the row stays (so replies and read markers keep pointing at it) with its body cleared.</summary>
public sealed class ChatMessage
{
    /// <summary>Id from <see cref="MessageIds"/>: version 7 and increasing, so ids order messages and serve as page cursors.</summary>
    public Guid Id { get; set; }

    /// <summary>The room.</summary>
    public Guid RoomId { get; set; }

    /// <summary>Who wrote it.</summary>
    public Guid AuthorId { get; set; }

    /// <summary>The author's idempotency key, unique per author and room: resending it returns this message.</summary>
    public required string ClientId { get; set; }

    /// <summary>The text, 1–4,000 characters; empty once deleted.</summary>
    public required string Body { get; set; }

    /// <summary>The message it replies to, in the same room.</summary>
    public Guid? ReplyToId { get; set; }

    /// <summary>When it was posted.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last edit, if any.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>The files it carries, as JSON of <see cref="AttachmentView"/> (<see cref="MessageAttachments"/>); null when none.</summary>
    public string? Attachments { get; set; }

    /// <summary>Set once deleted.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
