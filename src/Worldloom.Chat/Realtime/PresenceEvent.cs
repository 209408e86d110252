namespace Worldloom.Chat.Realtime;

/// <summary>A member's first connection subscribed to the room, or their last one left.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="UserId">Who.</param>
/// <param name="Online">Whether they are there now.</param>
public sealed record PresenceEvent(Guid RoomId, Guid UserId, bool Online) : ChatEvent("presence");
