namespace Worldloom.Chat.Realtime;

/// <summary>The relay over the room grains: one call to the room's grain, which fans out to every node.</summary>
internal sealed class ChatRelay(IGrainFactory grains) : IChatRelay
{
    /// <inheritdoc />
    public Task PublishAsync(Guid roomId, ChatEvent chatEvent, Guid? onlyUser = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        var messageId = chatEvent is MessageEvent m ? m.Message.Id : (Guid?)null;
        return grains.GetGrain<IChatRoomGrain>(roomId).PublishAsync(new RoomFrame(ChatWire.Serialize(chatEvent), messageId, onlyUser));
    }

    /// <inheritdoc />
    public Task MemberChangedAsync(Guid roomId, Guid userId, CancellationToken ct = default) =>
        grains.GetGrain<IChatRoomGrain>(roomId).MemberChangedAsync(userId);
}
