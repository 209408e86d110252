namespace Worldloom.Chat.Realtime;

/// <summary>
/// How the rest of Chat tells connected clients what changed: every node's subscribers of a room get the event over
/// <c>/api/chat/ws</c> (see <c>docs/chat-protocol.md</c>). Call it after the change is committed.
/// </summary>
public interface IChatRelay
{
    /// <summary>
    /// Sends <paramref name="chatEvent"/> to every connection subscribed to <paramref name="roomId"/>, on every node, or
    /// only to <paramref name="onlyUser"/>'s connections.
    /// </summary>
    Task PublishAsync(Guid roomId, ChatEvent chatEvent, Guid? onlyUser = null, CancellationToken ct = default);

    /// <summary>
    /// Tells the room's writer that <paramref name="userId"/>'s membership changed (joined, left, kicked, banned, muted,
    /// role): it reloads its cached row, and a user no longer a member loses their subscriptions to the room.
    /// </summary>
    Task MemberChangedAsync(Guid roomId, Guid userId, CancellationToken ct = default);
}
