namespace Worldloom.Chat.Moderation;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/bans</c>.</summary>
/// <param name="UserId">Who to ban (a member or not).</param>
/// <param name="Reason">Up to 500 characters.</param>
/// <param name="Minutes">1 minute to one year; null for a permanent ban.</param>
public sealed record BanRequest(Guid? UserId, string? Reason, int? Minutes);
