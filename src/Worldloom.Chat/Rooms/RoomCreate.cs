namespace Worldloom.Chat.Rooms;

/// <summary>Body of <c>POST /api/chat/rooms</c>.</summary>
/// <param name="Name">1–100 characters.</param>
/// <param name="Topic">Up to 500 characters.</param>
/// <param name="Kind"><c>public</c>, <c>private</c> or <c>invite_only</c>.</param>
/// <param name="ProjectId">A live project of the caller's that owns the room.</param>
/// <param name="Encrypted">True for an end-to-end encrypted room; fixed for the room's life.</param>
public sealed record RoomCreate(string? Name, string? Topic, string? Kind, Guid? ProjectId, bool? Encrypted = null);
