namespace Worldloom.Chat.Realtime;

/// <summary>What became of a send: stored (or found stored under the same client id), or refused with a protocol error code.</summary>
/// <param name="Error">Null when stored; otherwise a code of <c>docs/chat-protocol.md</c>.</param>
/// <param name="Detail">Why, for a refusal.</param>
/// <param name="MessageId">The stored message.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Duplicate">The client id was used before: this is the first message, nothing new was stored.</param>
/// <param name="RetryAfterMs">For <c>muted</c> and similar: when to try again.</param>
/// <param name="Field">The input field a refusal is about.</param>
/// <param name="Until">When a mute or timed ban ends.</param>
/// <param name="CurrentEpoch">For an envelope under the wrong key: the room's key epoch now.</param>
/// <param name="Attachments">For a new message: its files as stored.</param>
[GenerateSerializer]
[Immutable]
public sealed record SendOutcome(
    [property: Id(0)] string? Error, [property: Id(1)] string? Detail, [property: Id(2)] Guid MessageId, [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] bool Duplicate, [property: Id(5)] long? RetryAfterMs = null, [property: Id(6)] string? Field = null, [property: Id(7)] DateTimeOffset? Until = null, [property: Id(8)] int? CurrentEpoch = null,
    [property: Id(9)] Messages.AttachmentView[]? Attachments = null)
{
    /// <summary>A refusal.</summary>
    public static SendOutcome Refused(string error, string detail, string? field = null, long? retryAfterMs = null, DateTimeOffset? until = null) =>
        new(error, detail, Guid.Empty, default, false, retryAfterMs, field, until);
}
