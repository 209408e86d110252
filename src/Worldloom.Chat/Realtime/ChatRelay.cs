namespace Worldloom.Chat.Realtime;

/// <summary>The relay over the room grains (being built: until the WebSocket lands there is nobody to deliver to).</summary>
internal sealed class ChatRelay : IChatRelay
{
    /// <inheritdoc />
    public Task PublishAsync(Guid roomId, ChatEvent chatEvent, CancellationToken ct = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task MemberChangedAsync(Guid roomId, Guid userId, CancellationToken ct = default) => Task.CompletedTask;
}
