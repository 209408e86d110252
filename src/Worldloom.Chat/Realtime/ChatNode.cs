using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// This server's WebSocket connections, by the rooms they subscribe to. Room grains deliver each event once per node
/// (as a grain observer); the node hands the same bytes to each local subscriber. Every 30 seconds it tells each room
/// which of its connections still subscribe, so a room forgets a node that died without saying goodbye.
/// </summary>
public sealed partial class ChatNode(IGrainFactory grains, ILogger<ChatNode> logger) : BackgroundService, IChatNodeObserver
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, ChatConnection>> _rooms = new();
    private readonly ConcurrentDictionary<Guid, ChatConnection> _connections = new();
    private readonly Lock _referenceGate = new();
    private IChatNodeObserver? _reference;

    /// <summary>This node as room grains address it.</summary>
    public IChatNodeObserver Reference
    {
        get
        {
            lock (_referenceGate)
            {
                return _reference ??= grains.CreateObjectReference<IChatNodeObserver>(this);
            }
        }
    }

    /// <summary>Live connections on this node.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Registers an open connection.</summary>
    public void Add(ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.Id] = connection;
    }

    /// <summary>Forgets a closed connection and leaves its rooms.</summary>
    public async Task RemoveAsync(ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections.TryRemove(connection.Id, out _);
        foreach (var roomId in connection.Rooms)
        {
            await LeaveAsync(roomId, connection);
        }
    }

    /// <summary>Routes the room's events to <paramref name="connection"/>; call before subscribing at the grain, so nothing is missed.</summary>
    public void Listen(Guid roomId, ChatConnection connection) =>
        _rooms.GetOrAdd(roomId, _ => new ConcurrentDictionary<Guid, ChatConnection>())[connection.Id] = connection;

    /// <summary>Stops routing the room's events to <paramref name="connection"/> and unsubscribes it at the grain.</summary>
    public async Task LeaveAsync(Guid roomId, ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_rooms.TryGetValue(roomId, out var subscribers) && subscribers.TryRemove(connection.Id, out _))
        {
            try
            {
                await grains.GetGrain<IChatRoomGrain>(roomId).UnsubscribeAsync(Reference, connection.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next refresh tells the room the same; a failed goodbye only delays presence.
                LogUnsubscribeFailed(logger, e, roomId);
            }
        }
    }

    /// <inheritdoc />
    public Task DeliverAsync(Guid roomId, RoomFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_rooms.TryGetValue(roomId, out var subscribers))
        {
            // The dictionary itself, not its Values: that copies every subscriber under all of the dictionary's locks.
            foreach (var (_, connection) in subscribers)
            {
                if ((frame.OnlyUser is { } only && connection.UserId != only) || (frame.ExceptUser is { } except && connection.UserId == except))
                {
                    continue;
                }

                connection.Deliver(roomId, frame);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DropAsync(Guid roomId, Guid userId)
    {
        if (_rooms.TryGetValue(roomId, out var subscribers))
        {
            foreach (var connection in subscribers.Values.Where(c => c.UserId == userId).ToList())
            {
                subscribers.TryRemove(connection.Id, out _);
                connection.Dropped(roomId);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (roomId, subscribers) in _rooms)
            {
                if (subscribers.IsEmpty)
                {
                    _rooms.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Guid, ChatConnection>>(roomId, subscribers));
                    continue;
                }

                try
                {
                    await grains.GetGrain<IChatRoomGrain>(roomId).RefreshAsync(Reference, subscribers.Values.ToDictionary(c => c.Id, c => c.UserId));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, e, roomId);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribing from chat room {RoomId} failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception e, Guid roomId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing subscriptions of chat room {RoomId} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception e, Guid roomId);
}
