namespace Worldloom.Chat.Client.Realtime;

/// <summary>A message as REST and the <c>message</c>/<c>edited</c> events show it (<c>docs/chat.md</c>).</summary>
/// <param name="Id">Message id (version 7: ids are the room's order).</param>
/// <param name="RoomId">Room.</param>
/// <param name="AuthorId">Author.</param>
/// <param name="ClientId">The author's idempotency key.</param>
/// <param name="Body">Text; null for a tombstone.</param>
/// <param name="ReplyTo">The message replied to.</param>
/// <param name="CreatedAt">Stored at.</param>
/// <param name="Edited">Whether it was edited.</param>
/// <param name="EditedAt">Last edit.</param>
/// <param name="Deleted">Whether it is a tombstone.</param>
/// <param name="Reactions">Count of each emoji.</param>
/// <param name="Attachments">Files shared with the message (empty or null when none).</param>
public sealed record ChatMessage(
    Guid Id, Guid RoomId, Guid AuthorId, string? ClientId, string? Body, Guid? ReplyTo, DateTimeOffset CreatedAt,
    bool Edited, DateTimeOffset? EditedAt, bool Deleted, IReadOnlyDictionary<string, int>? Reactions,
    IReadOnlyList<ChatAttachment>? Attachments = null);
