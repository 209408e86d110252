namespace Worldloom.Chat.Realtime;

/// <summary>No more events of the room on this connection.</summary>
/// <param name="Ref">The unsubscribe frame's ref.</param>
/// <param name="RoomId">Room.</param>
public sealed record UnsubscribedReply(string? Ref, Guid RoomId) : ChatReply("unsubscribed");
