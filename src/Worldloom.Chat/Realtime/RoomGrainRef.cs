namespace Worldloom.Chat.Realtime;

/// <summary>A room and a reference to its grain, kept by a connection for its next send to the same room.</summary>
internal sealed record RoomGrainRef(Guid RoomId, IChatRoomGrain Grain);
