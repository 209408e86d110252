namespace Worldloom.Chat.Realtime;

/// <summary>Authenticated.</summary>
/// <param name="Ref">The auth frame's ref.</param>
/// <param name="UserId">Who.</param>
/// <param name="ConnectionId">This connection.</param>
/// <param name="ExpiresAt">When the token expires; send <c>auth</c> again before.</param>
public sealed record ReadyReply(string? Ref, Guid UserId, Guid ConnectionId, DateTimeOffset ExpiresAt) : ChatReply("ready");
