namespace Worldloom.Chat.Realtime;

/// <summary>The user's read marker moved (sent to that user's connections only).</summary>
/// <param name="RoomId">Room.</param>
/// <param name="MessageId">The marker.</param>
/// <param name="Unread">Unread messages left in the room.</param>
public sealed record ReadEvent(Guid RoomId, Guid MessageId, int Unread) : ChatEvent("read");
