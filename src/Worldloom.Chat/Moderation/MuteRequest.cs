namespace Worldloom.Chat.Moderation;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/members/{userId}/mute</c>.</summary>
/// <param name="Minutes">1 minute to 30 days.</param>
public sealed record MuteRequest(int? Minutes);
