using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// Sends this node's clients' inputs and acks to their zones in batches: one grain message per zone per flush instead
/// of one per frame (a client sends 20 inputs and 20 acks a second, so 1,000 players made 40,000 messages a second).
/// A zone's first item starts a flush <see cref="RealmsRealtimeOptions.ZoneFlushDelay"/> later; everything queued for
/// that zone by then goes in one <see cref="ZoneClientBatch"/>. An item that finds its zone's batch already that old
/// sends it at once, so a busy machine, whose timers fire late, does not stretch the wait. A short delay rather than a
/// per-node timer at the tick period: zones tick at their own phases, so a timer would hold an input half a tick
/// (25 ms) on average, where a 5 ms delay adds 5 ms and still catches the burst that a zone's snapshots provoke from its
/// clients.
/// </summary>
/// <remarks>
/// A connection's items are queued in the order its read loop handles its frames, and each zone has at most one send
/// running, so they reach the zone in that order. The zone is read from <see cref="RealmConnection.ZoneKey"/> as each
/// item is queued: after a transfer (the node sets the new key) later items go to the new zone, while those already
/// queued for the old one are ignored there, as a late input always was.
/// </remarks>
public sealed partial class ZoneOutbox
{
    private readonly ConcurrentDictionary<string, Pending> _zones = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly LoomClock _clock;
    private readonly ILogger<ZoneOutbox> _logger;
    private readonly TimeSpan _delay;

    /// <summary>An outbox flushing <see cref="RealmsRealtimeOptions.ZoneFlushDelay"/> after each zone's first item.</summary>
    public ZoneOutbox(IGrainFactory grains, IOptions<RealmsRealtimeOptions> options, LoomClock clock, ILogger<ZoneOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var delay = options.Value.ZoneFlushDelay;
        (_grains, _clock, _logger, _delay) = (grains, clock, logger, delay);
    }

    /// <summary>Queues an input of the connection's character for its zone; nothing when it plays none.</summary>
    public void Input(RealmConnection connection, ZoneInput input) => Add(connection, input, 0);

    /// <summary>Queues an ack (the client has the snapshot of <paramref name="tick"/>) for the character's zone; nothing when it plays none.</summary>
    public void Ack(RealmConnection connection, uint tick) => Add(connection, null, tick);

    private void Add(RealmConnection connection, ZoneInput? input, uint tick)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.CharacterId is not { } characterId || connection.ZoneKey is not { } key)
        {
            return;
        }

        var item = new ZoneClientItem(connection.Id, characterId, input, tick);
        var now = _clock.GetTimestamp();
        while (true)
        {
            var zone = _zones.GetOrAdd(key, static (k, grains) => new Pending(grains.GetGrain<IZoneGrain>(k)), _grains);
            List<ZoneClientItem>? due = null;
            var start = false;
            lock (zone.Gate)
            {
                if (zone.Closed)
                {
                    // Its flush just ended and removed it: take (or make) the one that replaced it.
                    continue;
                }

                if (zone.Items.Count == 0)
                {
                    zone.Since = now;
                }

                zone.Items.Add(item);
                if (!zone.Flushing)
                {
                    zone.Flushing = start = true;
                }
                else if (!zone.Sending && _clock.GetElapsedTime(zone.Since, now) >= _delay)
                {
                    // The batch is due and the flush's timer is late (a busy thread pool runs its continuation
                    // behind the sockets' work): send it from here rather than let the wait grow with the load.
                    due = Take(zone);
                }
            }

            if (start)
            {
                _ = FlushAsync(key, zone);
            }
            else if (due is not null)
            {
                _ = SendAsync(key, zone, due);
            }

            return;
        }
    }

    /// <summary>
    /// Sends the zone's queue after the delay, again while more arrived meanwhile, then retires the zone's entry (so
    /// the map holds only zones with traffic).
    /// </summary>
    private async Task FlushAsync(string key, Pending zone)
    {
        while (true)
        {
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, _clock);
            }
            else
            {
                await Task.Yield();
            }

            List<ZoneClientItem>? items = null;
            lock (zone.Gate)
            {
                if (!zone.Sending && zone.Items.Count > 0)
                {
                    items = Take(zone);
                }
            }

            if (items is not null)
            {
                await SendAsync(key, zone, items);
            }

            lock (zone.Gate)
            {
                if (zone.Items.Count > 0 || zone.Sending)
                {
                    continue;
                }

                zone.Closed = true;
                _zones.TryRemove(new KeyValuePair<string, Pending>(key, zone));
                return;
            }
        }
    }

    /// <summary>Takes the zone's queue for a send; the caller holds the gate. One send at a time keeps the order.</summary>
    private static List<ZoneClientItem> Take(Pending zone)
    {
        var items = zone.Items;
        zone.Items = new List<ZoneClientItem>(items.Count);
        zone.Sending = true;
        return items;
    }

    /// <summary>Sends one batch; a failure is logged and loses only this batch.</summary>
    private async Task SendAsync(string key, Pending zone, List<ZoneClientItem> items)
    {
        try
        {
            await zone.Grain.ReceiveAsync(new ZoneClientBatch(items));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The zone goes without these inputs (its clients' later ones still arrive); a zone that stays
            // unreachable detaches its silent players after SilenceTicks.
            LogSendFailed(_logger, e, key, items.Count);
        }
        finally
        {
            lock (zone.Gate)
            {
                zone.Sending = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} inputs and acks to zone {Zone} failed; they are lost")]
    private static partial void LogSendFailed(ILogger logger, Exception e, string zone, int count);

    /// <summary>One zone's queue and its flush state, under <see cref="Gate"/>.</summary>
    private sealed class Pending(IZoneGrain grain)
    {
        public Lock Gate { get; } = new();

        public IZoneGrain Grain { get; } = grain;

        public List<ZoneClientItem> Items { get; set; } = [];

        /// <summary>When the first of <see cref="Items"/> was queued (a <see cref="TimeProvider"/> timestamp).</summary>
        public long Since { get; set; }

        /// <summary>A flush loop is scheduled or running; items added now go with it or the next round of it.</summary>
        public bool Flushing { get; set; }

        /// <summary>A batch is being sent (by the flush loop or by an <see cref="Add"/> that found it due).</summary>
        public bool Sending { get; set; }

        /// <summary>Removed from the map: an <see cref="Add"/> that still found it takes the new entry.</summary>
        public bool Closed { get; set; }
    }
}
