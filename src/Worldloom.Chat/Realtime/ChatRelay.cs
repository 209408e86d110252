namespace Worldloom.Chat.Realtime;

/// <summary>The relay over the room grains: one call to the room's grain, which fans out to every node.</summary>
internal sealed class ChatRelay(IGrainFactory grains) : IChatRelay
{
    /// <inheritdoc />
    public async Task PublishAsync(Guid roomId, ChatEvent chatEvent, Guid? onlyUser = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        var grain = grains.GetGrain<IChatRoomGrain>(roomId);
        if (chatEvent is RoomEvent)
        {
            // The room's writer decides sends by the room's row (closed, key epoch): it reloads before anyone hears of it.
            await grain.RoomChangedAsync();
        }

        var messageId = chatEvent is MessageEvent m ? m.Message.Id : (Guid?)null;
        await grain.PublishAsync(new RoomFrame(ChatWire.Serialize(chatEvent), messageId, onlyUser));
    }

    /// <inheritdoc />
    public Task MemberChangedAsync(Guid roomId, Guid userId, CancellationToken ct = default) =>
        grains.GetGrain<IChatRoomGrain>(roomId).MemberChangedAsync(userId);
}
