namespace Worldloom.Chat.Messages;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/messages</c>.</summary>
/// <param name="Body">1–4,000 characters, not only whitespace.</param>
/// <param name="ReplyTo">A message of the same room this one answers.</param>
/// <param name="ClientId">The sender's idempotency key, 1–64 of <c>[A-Za-z0-9_-]</c>.</param>
/// <param name="Attachments">Up to 10 files of this room (<see cref="MessageAttachments"/>).</param>
public sealed record MessagePost(string? Body, Guid? ReplyTo, string? ClientId, IReadOnlyList<AttachmentPost?>? Attachments = null);
