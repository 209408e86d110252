namespace Worldloom.Chat.Reactions;

/// <summary>Body of <c>POST /api/chat/messages/{id}/reactions</c>.</summary>
/// <param name="Emoji">1–16 characters, no whitespace or control characters.</param>
public sealed record ReactionAdd(string? Emoji);
