using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Worldloom.Platform.Hosting;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Snapshots;
using Worldloom.Realms.Core.Wire;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Realms;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// A zone's authoritative simulation on a 20 Hz grain timer. Each tick steps the <see cref="ZoneSimulation"/>, then
/// encodes one snapshot per connected player (its own delta encoder, against what that client acknowledged) and sends
/// each node one batch. Checkpoints every 5 seconds and on deactivation; an activation restores the last checkpoint.
/// Players whose connection closed (or fell silent) stay in play for the reconnect grace, then are saved and removed.
/// </summary>
public sealed partial class ZoneGrain(ZoneMaps maps, ZoneStore store, ZoneHandOver handOver, LoomClock clock, ILogger<ZoneGrain> logger) : Grain, IZoneGrain
{
    /// <summary>How long a character stays in the zone after its connection went away.</summary>
    public const int GraceTicks = 30 * ZoneSimulation.TicksPerSecond;

    /// <summary>A connection that sent neither input nor ack for this long is taken for gone (its node may have died).</summary>
    public const int SilenceTicks = 10 * ZoneSimulation.TicksPerSecond;

    /// <summary>Ticks between checkpoints.</summary>
    public const int CheckpointTicks = 5 * ZoneSimulation.TicksPerSecond;

    /// <summary>An empty zone deactivates after this long (checkpointing first).</summary>
    private const int EmptyTicks = 60 * ZoneSimulation.TicksPerSecond;

    private static readonly TimeSpan TickPeriod = ZoneSimulation.TickPeriod;

    /// <summary>Most ticks one timer callback steps to catch up with the clock.</summary>
    private const int MaxCatchUp = 3;

    private readonly Dictionary<Guid, Player> _players = [];
    /// <summary>Players below this many take one thread: splitting a few encodes costs more than it saves.</summary>
    private const int ParallelFrom = 32;

    /// <summary>This tick's events by entity, filed before the clients' snapshots are encoded and read by all of them.</summary>
    private readonly VisibleEvents _visibleEvents = new();

    private readonly SnapshotWorker[] _workers = [.. Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => new SnapshotWorker())];
    private readonly List<Player> _receivers = [];
    private readonly HashSet<Guid> _handingOver = [];

    /// <summary>
    /// Characters whose crossing out was recorded while the join in progress read the database: that read may predate
    /// the record. Requests run one at a time, so there is at most one join in progress; each one starts it empty.
    /// </summary>
    private readonly HashSet<Guid> _recordedDuringJoin = [];
    private Guid _realmId;
    private ZoneKey _zone;
    private Realm? _realm;
    private ZoneSimulation? _sim;
    private bool _restored;
    private uint _lastCheckpoint;

    /// <summary>
    /// This zone's writes of its own state (checkpoints, places of players that left), one after another in the order
    /// they were made, on the thread pool rather than in the grain's turn: SQLite's calls run synchronously, lock waits
    /// included, and the zone ticks only between turns, so a write in a turn stopped the zone for as long as it took
    /// (docs/benchmarks.md, session 15). Never faults: each write logs its own failure.
    /// </summary>
    private Task _writes = Task.CompletedTask;
    private uint _emptySince;
    private long _pacedFrom;
    private long _paced;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_realmId, _zone) = ZoneGrainKey.Parse(this.GetPrimaryKeyString());
        _realm = await store.RealmAsync(_realmId, cancellationToken);
        if (_realm is null || (uint)_zone.X >= (uint)_realm.Columns || (uint)_zone.Y >= (uint)_realm.Rows
            || await maps.CutAsync(_realm, _zone, cancellationToken) is not { } map)
        {
            // Joins answer not_found; nothing runs.
            return;
        }

        var checkpoint = await store.CheckpointAsync(_realmId, _zone, cancellationToken);
        if (checkpoint is not null)
        {
            _sim = ZoneSimulation.Restore(map, RealmRules.Default, checkpoint.State);
            _restored = true;
            // Characters that crossed out after the checkpoint (the zone stopped without saving again) live on in
            // their new zone: dropping them here keeps each character in one zone.
            foreach (var gone in await store.CrossedOutSinceAsync(_realmId, _zone, checkpoint.UpdatedAt, cancellationToken))
            {
                if (_sim.TryGetEntity(gone, out _))
                {
                    _sim.RemovePlayer(gone);
                }
            }

            // The players the checkpoint holds lost their connections with the old activation: each gets the grace.
            foreach (var characterId in await store.CharactersInAsync(_realmId, _zone, cancellationToken))
            {
                if (_sim.TryGetEntity(characterId, out var entity))
                {
                    _players[characterId] = new Player(characterId, entity) { DetachedAt = _sim.Tick };
                }
            }
        }
        else
        {
            _sim = new ZoneSimulation(map, RealmRules.Default, Seed(_realmId, this.GetPrimaryKeyString()));
        }

        _lastCheckpoint = _sim.Tick;
        _emptySince = _sim.Tick;
        _pacedFrom = clock.GetTimestamp();
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { Interleave = false, KeepAlive = true });
        // Crossings recorded before a crash or a failed hand-over finish now.
        foreach (var pending in await store.PendingFromAsync(_realmId, _zone, cancellationToken))
        {
            _ = HandOverAsync(pending.Id, null, Guid.Empty, false);
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_sim is not null)
        {
            // The next activation starts them disconnected: their clients reconnect (within the grace) to resume.
            foreach (var group in _players.Values.Where(p => p.Node is not null).GroupBy(p => p.Node!))
            {
                _ = group.Key.DeliverAsync(new ZoneDelivery([.. group.Select(p => new ConnectionDelivery(p.ConnectionId, p.CharacterId, [], Kick: "the zone is restarting; reconnect to resume."))]));
            }

            await Checkpoint();
        }
    }

    /// <summary>The zone's random seed: SHA-256 of the realm id and the zone key, so each zone of each realm differs.</summary>
    public static byte[] Seed(Guid realmId, string zoneKey)
    {
        ArgumentNullException.ThrowIfNull(zoneKey);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(zoneKey)];
        realmId.TryWriteBytes(bytes);
        Encoding.UTF8.GetBytes(zoneKey, bytes.AsSpan(16));
        return SHA256.HashData(bytes);
    }

    /// <inheritdoc />
    public async Task<ZoneJoin> JoinAsync(IRealmNodeObserver node, Guid connectionId, Guid characterId, bool mayUseConsole)
    {
        if (_sim is null)
        {
            return new ZoneJoin(RealmErrors.NotFound, "no such zone.");
        }

        if (_players.TryGetValue(characterId, out var player))
        {
            // A reconnect (or a second connection): resume where it is; the older connection is told why it ends.
            if (player.Node is { } oldNode && player.ConnectionId != connectionId)
            {
                _ = oldNode.DeliverAsync(new ZoneDelivery([new ConnectionDelivery(player.ConnectionId, characterId, [], Kick: "replaced: the character joined from another connection.")]));
            }

            Attach(player, node, connectionId, mayUseConsole);
            // The new connection's client numbers its inputs from 1 again.
            _sim.RestartSequence(characterId);
            return ZoneJoin.Joined;
        }

        _recordedDuringJoin.Clear();
        var character = await store.CharacterAsync(characterId, CancellationToken.None);
        await handOver.JoinReadAsync(characterId);
        if (character is null || character.RealmId != _realmId)
        {
            return new ZoneJoin(RealmErrors.NotFound, "no character of yours with that id.");
        }

        if (character.ZoneX != _zone.X || character.ZoneY != _zone.Y)
        {
            return new ZoneJoin(RealmErrors.Moved, "the character is in another zone.", ZoneGrainKey.Format(_realmId, new ZoneKey(character.ZoneX, character.ZoneY)));
        }

        // Crossing now, or it crossed while the read above ran (which then may not show the move).
        if (_handingOver.Contains(characterId) || _recordedDuringJoin.Contains(characterId))
        {
            return new ZoneJoin(RealmErrors.Unavailable, "the character is crossing into another zone; join again in a moment.");
        }

        var position = character.PositionX is { } x && character.PositionY is { } y ? new Vec(x, y) : (Vec?)null;
        var entity = _sim.AddPlayer(characterId, new CharacterState(character.ClassId, character.Level, character.Hp, character.Mana, position, character.Inventory));
        player = new Player(characterId, entity);
        _players[characterId] = player;
        Attach(player, node, connectionId, mayUseConsole);
        return ZoneJoin.Joined;
    }

    /// <inheritdoc />
    public Task ReceiveAsync(ZoneClientBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_sim is null)
        {
            return Task.CompletedTask;
        }

        foreach (var item in batch.Items)
        {
            if (Playing(item.ConnectionId, item.CharacterId) is not { } player)
            {
                continue;
            }

            player.HeardAt = _sim.Tick;
            if (item.Input is { } input)
            {
                var cast = input.Slot == 0 ? (SkillCast?)null : new SkillCast(input.Slot, input.Target, new Vec(input.PointX, input.PointY));
                _sim.Submit(item.CharacterId, new PlayerInput(input.Sequence, input.MoveAngle, cast));
            }
            else
            {
                player.Encoder?.Acknowledge(item.AckTick);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ZoneConsoleReply> ConsoleAsync(Guid connectionId, Guid characterId, string line)
    {
        if (_sim is null || Playing(connectionId, characterId) is not { } player)
        {
            return Task.FromResult(new ZoneConsoleReply(false, false, "join a character first."));
        }

        if (!player.MayUseConsole)
        {
            return Task.FromResult(new ZoneConsoleReply(false, false, "the dev console is for admins, and for the realm's owner in a Test Area."));
        }

        if (!ConsoleCommand.TryParse(line, out var command, out var error))
        {
            return Task.FromResult(new ZoneConsoleReply(true, false, error));
        }

        var result = _sim.Command(characterId, command);
        return Task.FromResult(new ZoneConsoleReply(true, result.Ok, result.Message));
    }

    /// <inheritdoc />
    public Task DetachAsync(Guid connectionId, Guid characterId)
    {
        if (_sim is not null && Playing(connectionId, characterId) is { } player)
        {
            Detach(player);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ZoneJoin> TransferInAsync(Guid transferId, IRealmNodeObserver? node, Guid connectionId, bool mayUseConsole)
    {
        if (_sim is null)
        {
            return new ZoneJoin(RealmErrors.NotFound, "no such zone.");
        }

        var transfer = await store.TransferAsync(transferId, CancellationToken.None);
        if (transfer is null || transfer.RealmId != _realmId || transfer.ToX != _zone.X || transfer.ToY != _zone.Y)
        {
            return new ZoneJoin(RealmErrors.NotFound, "no transfer into this zone with that id.");
        }

        // Idempotent: a retry finds the character already here (added by the first attempt, or restored from a
        // checkpoint taken after it) and only completes the record.
        if (!_players.TryGetValue(transfer.CharacterId, out var player))
        {
            var handed = JsonSerializer.Deserialize<HandedCharacter>(transfer.StateJson, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"Transfer {transferId} carries no character.");
            var entity = _sim.AddPlayer(transfer.CharacterId, new CharacterState(handed.ClassId, handed.Level, handed.Hp, handed.Mana, new Vec(handed.X, handed.Y), handed.Inventory));
            player = new Player(transfer.CharacterId, entity);
            _players[transfer.CharacterId] = player;
            if (node is null)
            {
                player.DetachedAt = _sim.Tick;
            }
        }

        // A player already playing here (it reconnected to this zone before the hand-over got through) keeps its connection.
        if (node is not null && player.Node is null)
        {
            Attach(player, node, connectionId, mayUseConsole);
            player.Pending.Insert(0, ServerFrames.ToArray(new TransferFrame((byte)_zone.X, (byte)_zone.Y)));
            player.MovedTo = this.GetPrimaryKeyString();
        }

        await store.CompleteTransferAsync(transferId, CancellationToken.None);
        RealmsMetrics.Transfers.WithLabels("done").Inc();
        return ZoneJoin.Joined;
    }

    /// <inheritdoc />
    public Task<ZoneStatus> StatusAsync() =>
        Task.FromResult(new ZoneStatus(_sim?.Tick ?? 0, _players.Count, _players.Values.Count(p => p.Node is not null), _sim?.Entities.Count ?? 0, _restored));

    /// <inheritdoc />
    public Task CheckpointAsync() => _sim is null ? Task.CompletedTask : Checkpoint();

    /// <inheritdoc />
    public Task DeactivateAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void Attach(Player player, IRealmNodeObserver node, Guid connectionId, bool mayUseConsole)
    {
        var sim = _sim!;
        player.Node = node;
        player.ConnectionId = connectionId;
        player.MayUseConsole = mayUseConsole;
        player.DetachedAt = null;
        player.HeardAt = sim.Tick;
        // A fresh encoder: the new connection has no baseline, so its first snapshot is full.
        player.Encoder = new SnapshotEncoder(SnapshotFormat.DefaultHistory, SnapshotFormat.DefaultBudgetBytes);
        player.Pending.Clear();
        player.Pending.Add(ServerFrames.ToArray(new WelcomeFrame(player.Entity, _realmId, (byte)_zone.X, (byte)_zone.Y, sim.Tick, ZoneSimulation.TicksPerSecond)));
    }

    private void Detach(Player player)
    {
        player.Node = null;
        player.Encoder = null;
        player.Pending.Clear();
        player.DetachedAt = _sim!.Tick;
    }

    private Player? Playing(Guid connectionId, Guid characterId) =>
        _players.TryGetValue(characterId, out var player) && player.Node is not null && player.ConnectionId == connectionId ? player : null;

    /// <summary>
    /// Keeps the zone at 20 ticks a second by the clock. Orleans starts a timer's next period only after its callback
    /// ends, so the timer alone ticks slower than 20 Hz (by the tick's own time), and clients that send one input per
    /// 50 ms of their clock would run ahead of the zone's input queue. Each callback steps as many ticks as are due, at
    /// most <see cref="MaxCatchUp"/>; a longer stall is skipped, not replayed.
    /// </summary>
    private Task TickAsync(CancellationToken _)
    {
        var due = (long)(clock.GetElapsedTime(_pacedFrom) / TickPeriod);
        if (due - _paced > MaxCatchUp)
        {
            _paced = due - MaxCatchUp;
        }

        while (_paced < due && _sim is not null)
        {
            _paced++;
            Step();
        }

        return Task.CompletedTask;
    }

    private void Step()
    {
        var sim = _sim!;
        var started = clock.GetTimestamp();
        var outcome = sim.Step();
        var tick = outcome.Tick;
        foreach (var refusal in outcome.Refusals)
        {
            RealmsMetrics.Refusals.WithLabels(refusal.Code).Inc();
            if (_players.TryGetValue(refusal.CharacterId, out var player) && player.Node is not null)
            {
                player.Pending.Add(ServerFrames.ToArray(new RefusedFrame(refusal.Sequence, refusal.Code)));
            }
        }

        var deliveries = new Dictionary<IRealmNodeObserver, List<ConnectionDelivery>>();
        var leaving = new List<Player>();
        foreach (var kick in outcome.Kicks)
        {
            if (_players.TryGetValue(kick.CharacterId, out var player))
            {
                RealmsMetrics.Kicks.Inc();
                if (player.Node is { } node)
                {
                    Batch(deliveries, node).Add(new ConnectionDelivery(player.ConnectionId, player.CharacterId, [.. player.Pending], Kick: kick.Reason));
                }

                leaving.Add(player);
            }
        }

        foreach (var crossing in outcome.Exits)
        {
            Cross(crossing);
        }

        foreach (var player in _players.Values)
        {
            if (player.Node is null)
            {
                continue;
            }

            if (tick - player.HeardAt > SilenceTicks)
            {
                // Told, so that a client that is only slow reconnects and resumes instead of waiting for snapshots.
                Batch(deliveries, player.Node).Add(new ConnectionDelivery(player.ConnectionId, player.CharacterId, [], Kick: "silent: no input or ack for 10 s; reconnect to resume."));
                Detach(player);
                continue;
            }

            if (leaving.Contains(player))
            {
                continue;
            }

            _receivers.Add(player);
        }

        EncodeSnapshots(sim, outcome.Events);
        foreach (var player in _receivers)
        {
            var frames = new List<byte[]>(player.Pending.Count + 1);
            frames.AddRange(player.Pending);
            player.Pending.Clear();
            frames.Add(player.Snapshot!);
            player.Snapshot = null;
            Batch(deliveries, player.Node!).Add(new ConnectionDelivery(player.ConnectionId, player.CharacterId, frames, MovedTo: player.MovedTo));
            player.MovedTo = null;
        }

        _receivers.Clear();

        foreach (var (node, items) in deliveries)
        {
            _ = node.DeliverAsync(new ZoneDelivery(items));
        }

        foreach (var player in _players.Values)
        {
            if (player.DetachedAt is { } at && tick - at > GraceTicks)
            {
                leaving.Add(player);
            }
        }

        foreach (var player in leaving)
        {
            Leave(player);
        }

        var tickSeconds = clock.GetElapsedTime(started).TotalSeconds;
        RealmsMetrics.TickSeconds.Observe(tickSeconds);
        RealmsMetrics.TickDuration.Record(tickSeconds);
        // One checkpoint at a time: on a database slower than the period, checkpoints thin out rather than queue.
        if (tick - _lastCheckpoint >= CheckpointTicks && _writes.IsCompleted)
        {
            _ = Checkpoint();
        }

        if (_players.Count > 0 || _handingOver.Count > 0)
        {
            _emptySince = tick;
        }
        else if (tick - _emptySince > EmptyTicks)
        {
            this.DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Encodes this tick's snapshot of every player in <see cref="_receivers"/> into <see cref="Player.Snapshot"/>. Each
    /// client's encoder is its own and the zone is only read once <see cref="ZoneSimulation.PrepareVisible"/> has run,
    /// so a crowd's clients are split over the cores (on the thread pool, not the grain's scheduler, which runs one
    /// task at a time); the grain's turn waits for them, so nothing else touches the zone meanwhile.
    /// </summary>
    private void EncodeSnapshots(ZoneSimulation sim, IReadOnlyList<ZoneEvent> events)
    {
        var count = _receivers.Count;
        if (count == 0)
        {
            return;
        }

        sim.PrepareVisible();
        _visibleEvents.Index(events);
        var workers = count < ParallelFrom ? 1 : Math.Min(_workers.Length, (count + ParallelFrom - 1) / ParallelFrom);
        if (workers == 1)
        {
            EncodeRange(_workers[0], sim, 0, count);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { TaskScheduler = TaskScheduler.Default, MaxDegreeOfParallelism = workers }, w =>
            EncodeRange(_workers[w], sim, w * count / workers, (w + 1) * count / workers));
    }

    private void EncodeRange(SnapshotWorker worker, ZoneSimulation sim, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var player = _receivers[i];
            // What the client's canvas shows (ClientVisibleRadius), nearest first up to the limit, within the encoder's
            // byte budget: docs/realms.md, "Snapshot codec".
            sim.CollectVisible(player.Entity, ZoneSimulation.ClientVisibleRadius, ZoneSimulation.DefaultVisibleLimit, worker.Visible, worker.Scratch);
            _visibleEvents.Select(worker.Visible, worker.Nearby);
            var buffer = worker.Buffer;
            buffer.ResetWrittenCount();
            buffer.GetSpan(1)[0] = (byte)ServerFrameType.Snapshot;
            buffer.Advance(1);
            player.Encoder!.Encode(sim.Tick, sim.OwnStateOf(player.CharacterId), worker.Visible, worker.Nearby, buffer);
            player.Snapshot = buffer.WrittenSpan.ToArray();
        }
    }

    private static List<ConnectionDelivery> Batch(Dictionary<IRealmNodeObserver, List<ConnectionDelivery>> deliveries, IRealmNodeObserver node)
    {
        if (!deliveries.TryGetValue(node, out var items))
        {
            items = [];
            deliveries[node] = items;
        }

        return items;
    }

    /// <summary>Removes a player that left (grace over, kicked) and saves it (after the tick).</summary>
    private void Leave(Player player)
    {
        _players.Remove(player.CharacterId);
        var state = _sim!.RemovePlayer(player.CharacterId);
        var place = new CharacterPlace(player.CharacterId, state.Position ?? default, state.Hp, state.Mana);
        var zone = _zone;
        _ = Write("leave", ct => store.SaveCharacterAsync(zone, place, ct));
    }

    /// <summary>
    /// A player walked through an exit (the simulation already removed it): from here on it is handing over, and
    /// <see cref="CrossOutAsync"/> records and completes the transfer outside the tick.
    /// </summary>
    private void Cross(ExitCrossing crossing)
    {
        if (!_players.Remove(crossing.CharacterId, out var player))
        {
            return;
        }

        var c = crossing.Character;
        var handed = new HandedCharacter(c.ClassId, c.Level, c.Hp, c.Mana, crossing.Entry.X, crossing.Entry.Y, c.Inventory);
        var now = clock.GetUtcNow();
        var transfer = new ZoneTransfer
        {
            Id = Guid.CreateVersion7(now), RealmId = _realmId, CharacterId = crossing.CharacterId, FromX = _zone.X, FromY = _zone.Y,
            ToX = crossing.Exit.Target.X, ToY = crossing.Exit.Target.Y, StateJson = JsonSerializer.Serialize(handed, JsonSerializerOptions.Web),
            Status = ZoneTransferStatus.Pending, CreatedAt = now,
        };
        _handingOver.Add(crossing.CharacterId);
        _ = CrossOutAsync(transfer, crossing, player.Node, player.ConnectionId, player.MayUseConsole);
    }

    /// <summary>
    /// Records the transfer with the character's new zone in one transaction, then hands the character to the target
    /// zone. Not in the tick: the transaction waits for the database's write lock and its commit, and a tick that
    /// waited for it ran hundreds of milliseconds late on a busy machine (<c>docs/benchmarks.md</c>, session 11).
    /// Until the record is committed the character is in neither zone's play; its record still names this zone, so
    /// a crash meanwhile leaves it here, and a join is told to try again (<see cref="_handingOver"/>).
    /// </summary>
    private async Task CrossOutAsync(ZoneTransfer transfer, ExitCrossing crossing, IRealmNodeObserver? node, Guid connectionId, bool mayUseConsole)
    {
        var characterId = crossing.CharacterId;
        bool recorded;
        try
        {
            await handOver.RecordingAsync(transfer);
            // On the thread pool, as the zone's own writes are (see _writes), but not behind them: the player waits for it.
            var zone = _zone;
            var started = clock.GetTimestamp();
            recorded = await Task.Run(() => store.BeginTransferAsync(transfer, zone, crossing, CancellationToken.None));
            RealmsMetrics.ZoneWriteSeconds.WithLabels("crossing").Observe(clock.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing was written: the character stays in this zone's record and comes back when its client rejoins.
            LogCrossingFailed(logger, e, characterId, this.GetPrimaryKeyString());
            _handingOver.Remove(characterId);
            if (node is not null)
            {
                _ = node.DeliverAsync(new ZoneDelivery([new ConnectionDelivery(connectionId, characterId, [], Kick: "the crossing failed; reconnect to resume.")]));
            }

            return;
        }

        if (!recorded)
        {
            LogCrossingLost(logger, characterId, this.GetPrimaryKeyString());
            _handingOver.Remove(characterId);
            return;
        }

        _recordedDuringJoin.Add(characterId);
        RealmsMetrics.Transfers.WithLabels("started").Inc();
        await HandOverAsync(transfer.Id, node, connectionId, mayUseConsole, characterId);
    }

    /// <summary>Calls the target zone until it holds the character; a failed call is retried with a growing pause.</summary>
    private async Task HandOverAsync(Guid transferId, IRealmNodeObserver? node, Guid connectionId, bool mayUseConsole, Guid characterId = default)
    {
        var pause = TimeSpan.FromMilliseconds(200);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var transfer = await store.TransferAsync(transferId, CancellationToken.None);
                    if (transfer is null || transfer.Status != ZoneTransferStatus.Pending)
                    {
                        return;
                    }

                    await handOver.BeforeAsync(transfer);
                    var target = GrainFactory.GetGrain<IZoneGrain>(ZoneGrainKey.Format(_realmId, new ZoneKey(transfer.ToX, transfer.ToY)));
                    await target.TransferInAsync(transferId, node, connectionId, mayUseConsole);
                    await handOver.AfterAsync(transfer);
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException && attempt < 50)
                {
                    RealmsMetrics.Transfers.WithLabels("retried").Inc();
                    LogHandOverFailed(logger, e, transferId, attempt);
                    await Task.Delay(pause);
                    pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 5000));
                }
            }
        }
        finally
        {
            _handingOver.Remove(characterId);
        }
    }

    /// <summary>
    /// Checkpoints the simulation and every player's place as of now, and writes them after the zone's earlier writes;
    /// the task ends when they are written (or the write failed and was logged). The checkpoint is stamped with the
    /// time it was taken, not written, so that a crossing recorded meanwhile counts as after it when the zone is
    /// restored (<see cref="OnActivateAsync"/>).
    /// </summary>
    private Task Checkpoint()
    {
        var sim = _sim!;
        var places = new List<CharacterPlace>(_players.Count);
        var entities = sim.Entities;
        foreach (var player in _players.Values)
        {
            foreach (var e in entities)
            {
                if (e.Id == player.Entity)
                {
                    places.Add(new CharacterPlace(player.CharacterId, e.Position, e.Hp, e.Mana));
                    break;
                }
            }
        }

        var (realmId, zone, tick, state, at) = (_realmId, _zone, sim.Tick, sim.Checkpoint(), clock.GetUtcNow());
        _lastCheckpoint = tick;
        return Write("checkpoint", async ct =>
        {
            await store.SaveCheckpointAsync(realmId, zone, tick, state, places, at, ct);
            RealmsMetrics.Checkpoints.Inc();
        });
    }

    /// <summary>
    /// Runs <paramref name="write"/> (a <see cref="RealmsMetrics.ZoneWriteSeconds"/> label) on the thread pool after the
    /// zone's earlier writes (see <see cref="_writes"/>).
    /// </summary>
    private Task Write(string kind, Func<CancellationToken, Task> write)
    {
        var previous = _writes;
        var key = this.GetPrimaryKeyString();
        return _writes = Task.Run(async () =>
        {
            await previous;
            try
            {
                var started = clock.GetTimestamp();
                await write(CancellationToken.None);
                RealmsMetrics.ZoneWriteSeconds.WithLabels(kind).Observe(clock.GetElapsedTime(started).TotalSeconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogWriteFailed(logger, e, kind, key);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: writing its {Kind} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception e, string kind, string zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing transfer {TransferId} to its zone failed (attempt {Attempt}); retrying")]
    private static partial void LogHandOverFailed(ILogger logger, Exception e, Guid transferId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording character {CharacterId}'s crossing out of zone {Zone} failed; it stays in the zone's record")]
    private static partial void LogCrossingFailed(ILogger logger, Exception e, Guid characterId, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Character {CharacterId} crossed out of zone {Zone}, whose record no longer holds it; the crossing was dropped")]
    private static partial void LogCrossingLost(ILogger logger, Guid characterId, string zone);

    /// <summary>A character in play here, and the connection that plays it (none while in the reconnect grace).</summary>
    private sealed class Player(Guid characterId, uint entity)
    {
        public Guid CharacterId { get; } = characterId;

        public uint Entity { get; } = entity;

        public IRealmNodeObserver? Node { get; set; }

        public Guid ConnectionId { get; set; }

        public bool MayUseConsole { get; set; }

        public SnapshotEncoder? Encoder { get; set; }

        /// <summary>Frames to send before the next snapshot (welcome, refusals).</summary>
        public List<byte[]> Pending { get; } = [];

        public uint HeardAt { get; set; }

        public uint? DetachedAt { get; set; }

        /// <summary>Set once, by a transfer in: the node reroutes the connection here.</summary>
        public string? MovedTo { get; set; }

        /// <summary>This tick's snapshot frame, between encoding and batching.</summary>
        public byte[]? Snapshot { get; set; }
    }

    /// <summary>One thread's working lists for encoding snapshots.</summary>
    private sealed class SnapshotWorker
    {
        public VisibleScratch Scratch { get; } = new();

        public List<EntityState> Visible { get; } = [];

        public List<ZoneEvent> Nearby { get; } = [];

        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);
    }
}
