namespace Worldloom.Chat.Moderation;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/members/{userId}/kick</c> (optional).</summary>
/// <param name="Reason">Up to 500 characters, recorded in the audit chain.</param>
public sealed record KickRequest(string? Reason);
