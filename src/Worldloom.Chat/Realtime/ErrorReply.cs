namespace Worldloom.Chat.Realtime;

/// <summary>A refused frame. Nothing changed.</summary>
/// <param name="Code">One of <see cref="ChatErrors"/>.</param>
/// <param name="Detail">Why, for people.</param>
/// <param name="Ref">The refused frame's ref, when it had one.</param>
/// <param name="Field">The field at fault.</param>
/// <param name="RetryAfterMs">When to try again (rate limits, mutes).</param>
/// <param name="ClientId">The refused send's client id.</param>
public sealed record ErrorReply(string Code, string Detail, string? Ref = null, string? Field = null, long? RetryAfterMs = null, string? ClientId = null) : ChatReply("error");
