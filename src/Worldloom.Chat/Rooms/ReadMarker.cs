namespace Worldloom.Chat.Rooms;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/read</c>.</summary>
/// <param name="MessageId">The newest message the caller has read; a marker never moves backwards.</param>
public sealed record ReadMarker(Guid? MessageId);
