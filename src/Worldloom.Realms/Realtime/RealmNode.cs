using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// This server's game connections. Zone grains deliver one batch per tick to each node (as a grain observer); the
/// node hands each connection its frames, closes the kicked and reroutes the transferred.
/// </summary>
public sealed partial class RealmNode(IGrainFactory grains, ILogger<RealmNode> logger) : IRealmNodeObserver
{
    private readonly ConcurrentDictionary<Guid, RealmConnection> _connections = new();
    private readonly Lock _referenceGate = new();
    private IRealmNodeObserver? _reference;

    /// <summary>This node as zone grains address it.</summary>
    public IRealmNodeObserver Reference
    {
        get
        {
            lock (_referenceGate)
            {
                return _reference ??= grains.CreateObjectReference<IRealmNodeObserver>(this);
            }
        }
    }

    /// <summary>Live connections on this node.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Registers an authenticated connection.</summary>
    public void Add(RealmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_connections.TryAdd(connection.Id, connection))
        {
            RealmsMetrics.Connections.Inc();
        }
    }

    /// <summary>Forgets a closed connection; its character gets the zone's reconnect grace.</summary>
    public async Task RemoveAsync(RealmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!_connections.TryRemove(connection.Id, out _))
        {
            return;
        }

        RealmsMetrics.Connections.Dec();
        if (connection.CharacterId is { } characterId && connection.ZoneKey is { } zone)
        {
            try
            {
                await grains.GetGrain<IZoneGrain>(zone).DetachAsync(connection.Id, characterId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The zone notices the silence and detaches the character itself.
                LogDetachFailed(logger, e, zone);
            }
        }
    }

    /// <inheritdoc />
    public Task DeliverAsync(ZoneDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        foreach (var item in delivery.Items)
        {
            if (!_connections.TryGetValue(item.ConnectionId, out var connection) || connection.CharacterId != item.CharacterId)
            {
                continue;
            }

            if (item.MovedTo is { } zone)
            {
                connection.ZoneKey = zone;
            }

            foreach (var frame in item.Frames)
            {
                connection.Send(frame);
            }

            if (item.Kick is { } reason)
            {
                connection.Close(RealmConnection.Kicked, reason);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling zone {Zone} that a connection closed failed")]
    private static partial void LogDetachFailed(ILogger logger, Exception e, string zone);
}
