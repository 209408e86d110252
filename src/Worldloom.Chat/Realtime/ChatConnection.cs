using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// One client's WebSocket: a read loop that checks, limits and dispatches frames, and a bounded outgoing queue that a
/// writer drains, so a slow reader never blocks a room (it is disconnected instead and resumes). A subscription buffers
/// live events while its backlog is read, then skips the live messages the backlog already carried: exactly once.
/// </summary>
/// <remarks>
/// An idle connection holds no buffers and runs no writer: a read waits with a zero-length buffer and rents one only
/// once a frame arrives, and the writer is a task started when a frame is queued to an empty queue, which ends when it
/// has emptied it again (<c>docs/benchmarks.md</c>, memory per idle connection).
/// </remarks>
public sealed partial class ChatConnection
{
    /// <summary>A frame is first read into a pooled buffer this big; a bigger one moves to a bigger pooled buffer.</summary>
    private const int SmallFrame = 1024;

    private readonly WebSocket _socket;
    private readonly ChatFrames _frames;
    private readonly ChatRealtimeOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Subscription> _subscriptions = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _outGate = new();
    private readonly Queue<byte[]> _out = new();
    private bool _writing;
    private bool _completed;
    private TaskCompletionSource? _written;
    private TaskCompletionSource? _room;
    private SemaphoreSlim? _inFlight;
    private WebSocketCloseStatus? _closeStatus;
    private string? _closeReason;

    /// <summary>A connection over an accepted socket; <see cref="RunAsync"/> serves it.</summary>
    public ChatConnection(WebSocket socket, ChatFrames frames, ChatRealtimeOptions options, ILogger logger)
    {
        _socket = socket;
        _frames = frames;
        _options = options;
        _logger = logger;
    }

    /// <summary>The stream under the socket when the endpoint made one, so the writer can send a drained queue in one write.</summary>
    internal FrameBatchStream? Batch { get; init; }

    /// <summary>This connection's id.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The signed-in user; empty until <c>auth</c>.</summary>
    public Guid UserId { get; internal set; }

    /// <summary>When the access token it authenticated with expires.</summary>
    internal DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The rooms it subscribes to now.</summary>
    public IReadOnlyList<Guid> Rooms
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Keys];
            }
        }
    }

    internal CancellationToken Stopping => _stop.Token;

    /// <summary>The room this connection last sent to, and its grain; replaced whole, so concurrent sends read a consistent pair.</summary>
    internal RoomGrainRef? LastRoom { get; set; }

    /// <summary>This connection's own frame budget.</summary>
    internal TokenBucket? Bucket { get; set; }

    /// <summary>When the recent refusals began, and how many there were: flood detection.</summary>
    internal (DateTimeOffset Since, int Count) Refusals { get; set; }

    /// <summary>Sends in flight, so a client pipelining sends does not wait for each commit, within a bound; made at the first send.</summary>
    internal SemaphoreSlim InFlight
    {
        get
        {
            if (_inFlight is { } inFlight)
            {
                return inFlight;
            }

            var made = new SemaphoreSlim(256);
            return Interlocked.CompareExchange(ref _inFlight, made, null) ?? made;
        }
    }

    /// <summary>Serves the connection until either side closes it.</summary>
    public async Task RunAsync()
    {
        try
        {
            await ReadLoopAsync();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away or was cut off; cleanup below is the same either way.
        }
        finally
        {
            await Complete();
            await _frames.ClosedAsync(this);
            await _stop.CancelAsync();
        }
    }

    /// <summary>Queues a reply or event frame; a client too slow to take it is disconnected.</summary>
    internal void Send(byte[] frame)
    {
        bool start;
        lock (_outGate)
        {
            if (_completed)
            {
                return;
            }

            if (_out.Count >= _options.MaxQueuedFrames)
            {
                start = false;
                frame = null!;
            }
            else
            {
                _out.Enqueue(frame);
                start = !_writing;
                _writing = true;
            }
        }

        if (frame is null)
        {
            SlowConsumer();
        }
        else if (start)
        {
            StartWriter();
        }
    }

    /// <summary>Queues a frame, waiting for room: for backlogs, which may exceed the queue.</summary>
    internal async ValueTask SendWaitingAsync(byte[] frame)
    {
        while (true)
        {
            Task room;
            bool start;
            lock (_outGate)
            {
                if (_completed)
                {
                    return;
                }

                if (_out.Count < _options.MaxQueuedFrames)
                {
                    _out.Enqueue(frame);
                    start = !_writing;
                    _writing = true;
                    room = Task.CompletedTask;
                }
                else
                {
                    start = false;
                    room = (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }

            if (start)
            {
                StartWriter();
            }

            if (room.IsCompleted)
            {
                return;
            }

            await room.WaitAsync(_stop.Token);
        }
    }

    /// <summary>Sends <paramref name="frame"/> last and closes with <paramref name="status"/> once it is out.</summary>
    internal void Close(byte[]? frame, WebSocketCloseStatus status, string reason)
    {
        lock (_gate)
        {
            if (_closeStatus is not null)
            {
                return;
            }

            _closeStatus = status;
            _closeReason = reason;
        }

        if (frame is not null)
        {
            Send(frame);
        }

        _ = Complete();
        // The client should answer the close; if it does not, stop reading anyway.
        _stop.CancelAfter(TimeSpan.FromSeconds(5));
    }

    /// <summary>Starts routing a room's events here, buffered until <see cref="GoLive"/>.</summary>
    internal bool BeginSubscription(Guid roomId)
    {
        lock (_gate)
        {
            return _subscriptions.TryAdd(roomId, new Subscription());
        }
    }

    /// <summary>Forgets a subscription that was refused or ended.</summary>
    internal bool EndSubscription(Guid roomId)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(roomId);
        }
    }

    /// <summary>
    /// Ends buffering: queues <paramref name="subscribed"/>, then the buffered events, leaving out messages at or before
    /// <paramref name="lastSent"/> (the backlog carried them), then lets live events through.
    /// </summary>
    internal void GoLive(Guid roomId, Guid? lastSent, byte[] subscribed)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(roomId, out var subscription))
            {
                return;
            }

            subscription.BacklogEnd = lastSent ?? Guid.Empty;
            Send(subscribed);
            foreach (var frame in subscription.Buffer!)
            {
                Pass(subscription, frame);
            }

            subscription.Buffer = null;
        }
    }

    /// <summary>An event of a room from the node.</summary>
    internal void Deliver(Guid roomId, RoomFrame frame)
    {
        if (_frames.Expired(this))
        {
            return;
        }

        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(roomId, out var subscription))
            {
                return;
            }

            if (subscription.Buffer is { } buffer)
            {
                buffer.Add(frame);
                return;
            }

            Pass(subscription, frame);
        }
    }

    /// <summary>The room removed this user (left, kicked, banned): no more events from it.</summary>
    internal void Dropped(Guid roomId)
    {
        lock (_gate)
        {
            _subscriptions.Remove(roomId);
        }
    }

    private void Pass(Subscription subscription, RoomFrame frame)
    {
        // Only what the backlog carried is skipped; a live message is never dropped, even one that overtook another
        // on its way between nodes (clients place messages by id).
        if (frame.MessageId is { } id && id.CompareTo(subscription.BacklogEnd) <= 0)
        {
            return;
        }

        Send(frame.Json);
    }

    private void SlowConsumer()
    {
        LogSlowConsumer(_logger, Id);
        Close(null, WebSocketCloseStatus.PolicyViolation, ChatErrors.SlowConsumer);
    }

    private async Task ReadLoopAsync()
    {
        byte[]? buffer = null;
        var length = 0;
        var tooLarge = false;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                ValueWebSocketReceiveResult result;
                if (buffer is null)
                {
                    // Wait for the next frame without a buffer: an idle connection holds none.
                    result = await _socket.ReceiveAsync(Memory<byte>.Empty, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (!result.EndOfMessage)
                    {
                        buffer = ArrayPool<byte>.Shared.Rent(SmallFrame);
                        continue;
                    }

                    // An empty frame.
                }
                else
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                }

                if (!tooLarge)
                {
                    length += result.Count;
                    if (length > _options.MaxFrameBytes)
                    {
                        // Skip the rest of this frame; the connection stays usable.
                        tooLarge = true;
                        length = 0;
                    }
                }

                if (!result.EndOfMessage)
                {
                    if (!tooLarge && length == buffer!.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length * 4, 16 * 1024), _options.MaxFrameBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    continue;
                }

                if (tooLarge)
                {
                    await _frames.TooLargeAsync(this);
                }
                else if (result.MessageType != WebSocketMessageType.Text)
                {
                    await _frames.HandleAsync(this, null);
                }
                else
                {
                    await HandleAsync(buffer is null ? ReadOnlyMemory<byte>.Empty : buffer.AsMemory(0, length));
                }

                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = null;
                }

                length = 0;
                tooLarge = false;
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            await _frames.HandleAsync(this, null);
            return;
        }

        using (document)
        {
            await _frames.HandleAsync(this, document.RootElement);
        }
    }

    /// <summary>No more frames: lets the writer empty the queue and close the output; completes once it did.</summary>
    private Task Complete()
    {
        bool start;
        Task written;
        lock (_outGate)
        {
            _completed = true;
            written = (_written ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            StartWriter();
        }

        return written;
    }

    private void StartWriter() =>
        ThreadPool.UnsafeQueueUserWorkItem(static connection => _ = connection.WriteAsync(), this, preferLocal: false);

    /// <summary>
    /// Sends what is queued, in order, until the queue is empty; then ends, or, once the connection is complete, closes
    /// the output. Only one runs at a time (<see cref="_writing"/>).
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
            while (true)
            {
                byte[]? frame;
                TaskCompletionSource? room = null;
                bool more;
                lock (_outGate)
                {
                    more = _out.Count > 1;
                    if (!_out.TryDequeue(out frame))
                    {
                        if (!_completed)
                        {
                            _writing = false;
                            return;
                        }
                    }
                    else if (_room is not null && _out.Count <= _options.MaxQueuedFrames / 2)
                    {
                        room = _room;
                        _room = null;
                    }
                }

                room?.TrySetResult();
                if (Batch is { } batch)
                {
                    // Hold this frame while more follow: the last one of a run goes out with all held before it.
                    batch.Holding = more && frame is not null;
                }

                if (frame is null)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(_closeStatus ?? WebSocketCloseStatus.NormalClosure, _closeReason ?? "bye", _stop.Token);
                    }

                    break;
                }

                await _socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Writing to a socket the client already dropped; the read loop sees the same and ends.
            await _stop.CancelAsync();
        }
        catch (Exception e)
        {
            // Nothing waits on this task: whatever broke the write ends the connection, which must still be cleaned up.
            LogWriteFailed(_logger, e, Id);
            await _stop.CancelAsync();
        }

        TaskCompletionSource? written;
        TaskCompletionSource? waiting;
        lock (_outGate)
        {
            // Nothing more goes out: later frames are dropped, and a backlog waiting for room stops waiting.
            _completed = true;
            _out.Clear();
            written = _written ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = _room;
            _room = null;
        }

        waiting?.TrySetResult();
        written.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat connection {ConnectionId} read too slowly and was closed")]
    private static partial void LogSlowConsumer(ILogger logger, Guid connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing to chat connection {ConnectionId} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception e, Guid connectionId);

    private sealed class Subscription
    {
        public List<RoomFrame>? Buffer { get; set; } = [];

        /// <summary>The last message the backlog sent (or the client already had).</summary>
        public Guid BacklogEnd { get; set; }
    }
}
