namespace Worldloom.Chat.Messages;

/// <summary>One file a message carries, as a client sends it (docs/chat.md, "Sharing: attachments").</summary>
/// <param name="FileId">A complete upload of the same room by the sender.</param>
/// <param name="Key">The file's secret: its key text in a plain room, an <c>e1.</c> envelope of it in an encrypted one.</param>
public sealed record AttachmentPost(Guid? FileId, string? Key);
