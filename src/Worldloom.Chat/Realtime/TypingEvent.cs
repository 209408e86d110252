namespace Worldloom.Chat.Realtime;

/// <summary>Someone is typing in a room.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="UserId">Who.</param>
public sealed record TypingEvent(Guid RoomId, Guid UserId) : ChatEvent("typing");
