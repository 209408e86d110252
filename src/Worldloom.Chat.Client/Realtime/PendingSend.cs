namespace Worldloom.Chat.Client.Realtime;

/// <summary>A <c>send</c> not yet acknowledged by the server.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="ClientId">The idempotency key; a resend with it never doubles the message.</param>
/// <param name="Body">Text.</param>
/// <param name="ReplyTo">The message replied to, if any.</param>
public sealed record PendingSend(Guid RoomId, string ClientId, string Body, Guid? ReplyTo);
