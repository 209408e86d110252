namespace Worldloom.Chat.Realtime;

/// <summary>
/// A room's one writer, wherever in the cluster it is activated: it gives messages their ordered ids, stores them
/// (through <see cref="ChatMessageStore"/>) before answering, and fans every event out to the nodes whose connections
/// subscribe to the room. Keyed by the room id.
/// </summary>
public interface IChatRoomGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores a message (idempotent by the author's client id) and broadcasts it. The body and the attachments' shape
    /// were validated by the caller; the room checks the attachments' files and keys.
    /// </summary>
    Task<SendOutcome> SendAsync(Guid authorId, string clientId, string body, Guid? replyTo, Messages.AttachmentRef[]? attachments);

    /// <summary>Adds a connection of <paramref name="node"/> to the room's subscribers; refused for non-members.</summary>
    Task<SubscribeOutcome> SubscribeAsync(IChatNodeObserver node, Guid connectionId, Guid userId);

    /// <summary>Removes a connection from the subscribers.</summary>
    Task UnsubscribeAsync(IChatNodeObserver node, Guid connectionId);

    /// <summary>A node says which of its connections still subscribe; nodes that stop saying so are dropped.</summary>
    Task RefreshAsync(IChatNodeObserver node, Dictionary<Guid, Guid> connections);

    /// <summary>Tells the other subscribers that <paramref name="userId"/> is typing; null, or the refusal's code.</summary>
    Task<string?> TypingAsync(Guid userId);

    /// <summary>Broadcasts an already serialized event.</summary>
    Task PublishAsync(RoomFrame frame);

    /// <summary>Reloads the room's row (closed, renamed, a new key epoch).</summary>
    Task RoomChangedAsync();

    /// <summary>Reloads a member's row; a user no longer a member loses their subscriptions.</summary>
    Task MemberChangedAsync(Guid userId);
}
