using Orleans.Concurrency;

namespace Worldloom.Chat.Realtime;

/// <summary>A server node holding WebSocket connections, as room grains see it.</summary>
public interface IChatNodeObserver : IGrainObserver
{
    /// <summary>Hands an event to the node's connections subscribed to <paramref name="roomId"/>.</summary>
    [OneWay]
    Task DeliverAsync(Guid roomId, RoomFrame frame);

    /// <summary>Ends <paramref name="userId"/>'s subscriptions to <paramref name="roomId"/> on this node (they left or were removed).</summary>
    [OneWay]
    Task DropAsync(Guid roomId, Guid userId);
}
