namespace Worldloom.Chat.Rooms;

/// <summary>A room as the caller sees it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Topic">Topic.</param>
/// <param name="Kind">public, private or invite_only.</param>
/// <param name="ProjectId">Owning project, if any.</param>
/// <param name="OwnerId">Creator.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Joined">Whether the caller is a member.</param>
/// <param name="Role">The caller's role, when a member.</param>
/// <param name="Unread">Messages after the caller's read marker, not theirs, not deleted (0 when not a member).</param>
/// <param name="LastReadMessageId">The caller's read marker, if any.</param>
/// <param name="Encrypted">Whether bodies are end-to-end encrypted envelopes.</param>
/// <param name="KeyEpoch">The current room key epoch (0: no key yet; always 0 when not encrypted).</param>
/// <param name="KeyRotationNeeded">Whether the next message must wait for a new epoch.</param>
/// <param name="Peer">For a direct conversation: the other user.</param>
public sealed record RoomView(
    Guid Id, string Name, string Topic, string Kind, Guid? ProjectId, Guid OwnerId, DateTimeOffset CreatedAt, bool Joined, string? Role, int Unread, Guid? LastReadMessageId,
    bool Encrypted = false, int KeyEpoch = 0, bool KeyRotationNeeded = false, Guid? Peer = null)
{
    /// <summary>Builds the view.</summary>
    public static RoomView From(ChatRoom room, ChatMember? member, int unread = 0)
    {
        ArgumentNullException.ThrowIfNull(room);
        return new(
            room.Id, room.Name, room.Topic, room.Kind, room.ProjectId, room.OwnerId, room.CreatedAt, member is not null, member?.Role, unread,
            member is null || member.LastReadMessageId == Guid.Empty ? null : member.LastReadMessageId,
            room.Encrypted, room.KeyEpoch, room.KeyRotationNeeded, member is null ? null : Direct.DirectKey.Peer(room.DirectKey, member.UserId));
    }
}
