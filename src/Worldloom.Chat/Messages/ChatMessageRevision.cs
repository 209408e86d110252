namespace Worldloom.Chat.Messages;

/// <summary>A body a message had before an edit; the full edit history is the revisions, oldest first, then the current body.</summary>
public sealed class ChatMessageRevision
{
    /// <summary>Id from <see cref="MessageIds"/>, so revisions made in the same millisecond still order.</summary>
    public Guid Id { get; set; }

    /// <summary>The message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The body before the edit.</summary>
    public required string Body { get; set; }

    /// <summary>When the edit replaced it.</summary>
    public DateTimeOffset RevisedAt { get; set; }
}
