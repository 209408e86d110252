namespace Worldloom.Chat.Client.Rest;

/// <summary>A room as <c>GET /api/chat/rooms</c> shows it.</summary>
/// <param name="Id">Room id.</param>
/// <param name="Name">Name.</param>
/// <param name="Topic">Topic.</param>
/// <param name="Kind"><c>public</c>, <c>private</c> or <c>invite_only</c>.</param>
/// <param name="Joined">Whether I am a member.</param>
/// <param name="Role">My role when a member.</param>
/// <param name="Unread">My unread count.</param>
/// <param name="LastReadMessageId">My read marker.</param>
/// <param name="Encrypted">Whether bodies are end-to-end sealed (encrypted rooms and every DM).</param>
/// <param name="KeyEpoch">The room key's current epoch (0: no key yet).</param>
/// <param name="KeyRotationNeeded">Whether a member left, so the next send must make a new epoch.</param>
/// <param name="Peer">The other user of a direct conversation.</param>
public sealed record ChatRoom(
    Guid Id, string Name, string? Topic, string Kind, bool? Joined, string? Role, int? Unread, Guid? LastReadMessageId,
    bool Encrypted = false, int KeyEpoch = 0, bool KeyRotationNeeded = false, Guid? Peer = null);
