namespace Worldloom.Chat.Realtime;

/// <summary>A sent message is stored.</summary>
/// <param name="Ref">The send frame's ref.</param>
/// <param name="RoomId">Room.</param>
/// <param name="ClientId">The client's id for it.</param>
/// <param name="MessageId">The stored message.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Duplicate">The client id was used before; this is the first message.</param>
public sealed record AckReply(string? Ref, Guid RoomId, string ClientId, Guid MessageId, DateTimeOffset CreatedAt, bool Duplicate) : ChatReply("ack");
