namespace Worldloom.Chat.Client.Realtime;

/// <summary>A <c>send</c> not yet acknowledged by the server.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="ClientId">The idempotency key; a resend with it never doubles the message.</param>
/// <param name="Body">Text, or the sealed envelope in an end-to-end room (a resend sends the same bytes).</param>
/// <param name="ReplyTo">The message replied to, if any.</param>
/// <param name="Attachments">Files shared with it, if any.</param>
public sealed record PendingSend(Guid RoomId, string ClientId, string Body, Guid? ReplyTo, IReadOnlyList<AttachmentRef>? Attachments = null);
