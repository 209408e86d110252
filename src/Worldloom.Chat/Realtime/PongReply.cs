namespace Worldloom.Chat.Realtime;

/// <summary>Answer to ping.</summary>
/// <param name="Ref">The ping frame's ref.</param>
public sealed record PongReply(string? Ref) : ChatReply("pong");
