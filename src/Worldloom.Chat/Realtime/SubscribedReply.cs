namespace Worldloom.Chat.Realtime;

/// <summary>Subscribed: the backlog (if asked for) was sent, live events follow.</summary>
/// <param name="Ref">The subscribe frame's ref.</param>
/// <param name="RoomId">Room.</param>
/// <param name="LastMessageId">The last message sent in the backlog, or the <c>after</c> given when there was none.</param>
/// <param name="Online">Members with a connection subscribed now.</param>
public sealed record SubscribedReply(string? Ref, Guid RoomId, Guid? LastMessageId, IReadOnlyList<Guid> Online) : ChatReply("subscribed");
