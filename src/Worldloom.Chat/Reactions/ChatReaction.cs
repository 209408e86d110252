namespace Worldloom.Chat.Reactions;

/// <summary>One user's emoji on one message; each (message, user, emoji) at most once.</summary>
public sealed class ChatReaction
{
    /// <summary>The message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Who reacted.</summary>
    public Guid UserId { get; set; }

    /// <summary>1–16 characters, no whitespace or control characters.</summary>
    public required string Emoji { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
