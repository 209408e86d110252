using System.Net.WebSockets;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;
using Worldloom.Realms.Realtime;

namespace Worldloom.Realms.Tests.Realtime;

/// <summary>
/// The gateway's batching of inputs and acks (<see cref="ZoneOutbox"/>) against recording zones, with flush timers
/// the test fires by hand: what goes into which batch, in which order, and what a failed send costs.
/// </summary>
public sealed class ZoneOutboxTests : IDisposable
{
    private const string North = "realm/0/0";
    private const string South = "realm/0/1";

    private readonly HeldTimers _timers = new();
    private readonly Dictionary<string, RecordingZone> _zones = new() { [North] = new RecordingZone(), [South] = new RecordingZone() };
    private readonly RecordingLogger _log = new();
    private readonly ZoneOutbox _outbox;
    private readonly WebSocket _socket = WebSocket.CreateFromStream(Stream.Null, new WebSocketCreationOptions { IsServer = true });

    public ZoneOutboxTests()
    {
        var grains = DispatchProxy.Create<IGrainFactory, ZoneGrains>();
        ((ZoneGrains)(object)grains).Zones = _zones;
        _outbox = new ZoneOutbox(grains, Options.Create(new RealmsRealtimeOptions()), new LoomClock(_timers), _log);
    }

    public void Dispose() => _socket.Dispose();

    [Fact]
    public async Task ItemsQueuedBeforeTheFlush_GoInOneBatch_EachConnectionsInTheOrderSent()
    {
        var a = Playing(North);
        var b = Playing(North);

        _outbox.Input(a, Input(1));
        _outbox.Input(b, Input(1));
        _outbox.Ack(a, 40);
        _outbox.Input(a, Input(2));
        _outbox.Ack(b, 40);
        await _timers.FireNextAsync();

        var batch = await _zones[North].NextAsync();
        Assert.Equal(
            [(a.Id, 1u, 0u), (b.Id, 1u, 0u), (a.Id, 0u, 40u), (a.Id, 2u, 0u), (b.Id, 0u, 40u)],
            batch.Items.Select(i => (i.ConnectionId, i.Input?.Sequence ?? 0, i.AckTick)));
        Assert.All(batch.Items, i => Assert.Equal(i.ConnectionId == a.Id ? a.CharacterId : b.CharacterId, i.CharacterId));
        Assert.Null(batch.Items[2].Input);
        Assert.Equal(1, _timers.Created);
    }

    [Fact]
    public async Task AfterTheZoneKeyChanges_LaterItemsGoToTheNewZone()
    {
        var a = Playing(North);
        var b = Playing(North);
        _outbox.Input(a, Input(1));

        // A transfer: the node reroutes the connection while the old zone's batch still waits.
        a.ZoneKey = South;
        _outbox.Input(a, Input(2));
        _outbox.Input(b, Input(1));
        await _timers.FireNextAsync();
        await _timers.FireNextAsync();

        var north = await _zones[North].NextAsync();
        var south = await _zones[South].NextAsync();
        Assert.Equal([(a.Id, 1u), (b.Id, 1u)], north.Items.Select(i => (i.ConnectionId, i.Input!.Value.Sequence)));
        Assert.Equal([(a.Id, 2u)], south.Items.Select(i => (i.ConnectionId, i.Input!.Value.Sequence)));
    }

    [Fact]
    public async Task AFailedSend_IsLogged_AndLaterItemsStillArrive()
    {
        var a = Playing(North);
        _zones[North].FailNext = true;
        _outbox.Input(a, Input(1));
        _outbox.Ack(a, 7);
        await _timers.FireNextAsync();

        var failure = await _log.NextAsync();
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Contains("Sending 2 inputs and acks to zone realm/0/0 failed", failure.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(failure.Exception);

        _outbox.Input(a, Input(2));
        await _timers.FireNextAsync();
        var batch = await _zones[North].NextAsync();
        Assert.Equal([2u], batch.Items.Select(i => i.Input!.Value.Sequence));
    }

    [Fact]
    public async Task ItemsArrivingWhileABatchIsSent_GoInTheNextBatch()
    {
        var a = Playing(North);
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _zones[North].Holding = sending.Task;
        _outbox.Input(a, Input(1));
        await _timers.FireNextAsync();
        var first = await _zones[North].NextAsync();

        _outbox.Input(a, Input(2));
        _outbox.Input(a, Input(3));
        sending.SetResult();
        await _timers.FireNextAsync();

        var second = await _zones[North].NextAsync();
        Assert.Equal([1u], first.Items.Select(i => i.Input!.Value.Sequence));
        Assert.Equal([2u, 3u], second.Items.Select(i => i.Input!.Value.Sequence));
        Assert.Equal(2, _timers.Created);
    }

    [Fact]
    public async Task AnItemFindingItsBatchDue_SendsIt_WithoutWaitingForTheTimer()
    {
        var a = Playing(North);
        _outbox.Input(a, Input(1));
        _outbox.Ack(a, 3);
        _timers.Advance(new RealmsRealtimeOptions().ZoneFlushDelay);
        _outbox.Input(a, Input(2));

        var batch = await _zones[North].NextAsync();
        Assert.Equal([(1u, 0u), (0u, 3u), (2u, 0u)], batch.Items.Select(i => (i.Input?.Sequence ?? 0, i.AckTick)));

        // The late timer finds nothing left; the next item starts a new round.
        await _timers.FireNextAsync();
        _outbox.Input(a, Input(3));
        await _timers.FireNextAsync();
        Assert.Equal([3u], (await _zones[North].NextAsync()).Items.Select(i => i.Input!.Value.Sequence));
    }

    [Fact]
    public void AConnectionWithoutACharacter_QueuesNothing()
    {
        var idle = new RealmConnection(_socket, 8, NullLogger.Instance);
        _outbox.Input(idle, Input(1));
        _outbox.Ack(idle, 1);
        Assert.Equal(0, _timers.Created);
    }

    [Fact]
    public void AFlushDelayLongerThanATick_IsRefused()
    {
        // The options are checked at start (ValidateOnStart), as the server reads them.
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Loom:Realms:ZoneFlushDelay"] = "00:00:00.060" }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(settings).AddRealms().BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RealmsRealtimeOptions>>().Value);
        Assert.Contains("ZoneFlushDelay", e.Message, StringComparison.Ordinal);
    }

    private RealmConnection Playing(string zone) =>
        new(_socket, 8, NullLogger.Instance) { CharacterId = Guid.NewGuid(), ZoneKey = zone };

    private static ZoneInput Input(uint sequence) => new(sequence, 1024, 0, 0, 0, 0);

    /// <summary>Resolves zone grains from the test's map; the outbox calls nothing else.</summary>
    public class ZoneGrains : DispatchProxy
    {
        public Dictionary<string, RecordingZone> Zones { get; set; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IGrainFactory.GetGrain) && args?[0] is string key
                ? Zones[key]
                : throw new NotSupportedException(targetMethod?.Name);
    }

    /// <summary>A zone that records the batches it receives; optionally fails one, or holds its send open.</summary>
    public sealed class RecordingZone : IZoneGrain
    {
        private readonly Channel<ZoneClientBatch> _received = Channel.CreateUnbounded<ZoneClientBatch>();

        public bool FailNext { get; set; }

        public Task? Holding { get; set; }

        public async Task<ZoneClientBatch> NextAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public Task ReceiveAsync(ZoneClientBatch batch)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new TimeoutException("the silo did not answer");
            }

            _received.Writer.TryWrite(batch);
            var holding = Holding ?? Task.CompletedTask;
            Holding = null;
            return holding;
        }

        public Task<ZoneJoin> JoinAsync(IRealmNodeObserver node, Guid connectionId, Guid characterId, bool mayUseConsole) => throw new NotSupportedException();

        public Task<ZoneConsoleReply> ConsoleAsync(Guid connectionId, Guid characterId, string line) => throw new NotSupportedException();

        public Task DetachAsync(Guid connectionId, Guid characterId) => throw new NotSupportedException();

        public Task<ZoneJoin> TransferInAsync(Guid transferId, IRealmNodeObserver? node, Guid connectionId, bool mayUseConsole) => throw new NotSupportedException();

        public Task<ZoneStatus> StatusAsync() => throw new NotSupportedException();

        public Task CheckpointAsync() => throw new NotSupportedException();

        public Task DeactivateAsync() => throw new NotSupportedException();
    }

    /// <summary>Timers that fire only when the test says so, oldest first, and a clock that moves only when told.</summary>
    private sealed class HeldTimers : TimeProvider
    {
        private readonly Channel<HeldTimer> _pending = Channel.CreateUnbounded<HeldTimer>();
        private int _created;
        private long _now;

        public override long GetTimestamp() => Volatile.Read(ref _now);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _now, (long)(by.TotalSeconds * TimestampFrequency));

        public int Created => Volatile.Read(ref _created);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _created);
            var timer = new HeldTimer(callback, state);
            _pending.Writer.TryWrite(timer);
            return timer;
        }

        /// <summary>Fires the oldest unfired timer, waiting for one to be made (a flush loop may make it on another thread).</summary>
        public async Task FireNextAsync()
        {
            var timer = await _pending.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            timer.Fire();
        }
    }

    private sealed class HeldTimer(TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !_disposed;

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Keeps what was logged, for the test to read in order.</summary>
    private sealed class RecordingLogger : ILogger<ZoneOutbox>
    {
        private readonly Channel<(LogLevel Level, string Message, Exception? Exception)> _entries = Channel.CreateUnbounded<(LogLevel, string, Exception?)>();

        public async Task<(LogLevel Level, string Message, Exception? Exception)> NextAsync() =>
            await _entries.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Writer.TryWrite((logLevel, formatter(state, exception), exception));
    }
}
