namespace Worldloom.Chat.Moderation;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/members/{userId}/role</c>.</summary>
/// <param name="Role"><c>owner</c>, <c>moderator</c> or <c>member</c>.</param>
public sealed record RoleChange(string? Role);
