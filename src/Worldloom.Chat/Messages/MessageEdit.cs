namespace Worldloom.Chat.Messages;

/// <summary>Body of <c>PATCH /api/chat/messages/{id}</c>.</summary>
/// <param name="Body">The new text, 1–4,000 characters, not only whitespace.</param>
public sealed record MessageEdit(string? Body);
