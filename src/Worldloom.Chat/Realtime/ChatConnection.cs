using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// One client's WebSocket: a read loop that checks, limits and dispatches frames, and a write loop that drains a
/// bounded queue, so a slow reader never blocks a room (it is disconnected instead and resumes). A subscription buffers
/// live events while its backlog is read, then skips the live messages the backlog already carried: exactly once.
/// </summary>
public sealed partial class ChatConnection
{
    /// <summary>Reads start in a buffer this small, so an idle connection holds little; bigger frames go to a pooled one.</summary>
    private const int SmallFrame = 1024;

    private readonly WebSocket _socket;
    private readonly ChatFrames _frames;
    private readonly ChatRealtimeOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _out;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Subscription> _subscriptions = [];
    private readonly CancellationTokenSource _stop = new();
    private WebSocketCloseStatus? _closeStatus;
    private string? _closeReason;

    /// <summary>A connection over an accepted socket; <see cref="RunAsync"/> serves it.</summary>
    public ChatConnection(WebSocket socket, ChatFrames frames, ChatRealtimeOptions options, ILogger logger)
    {
        _socket = socket;
        _frames = frames;
        _options = options;
        _logger = logger;
        _out = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.MaxQueuedFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

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

    /// <summary>This connection's own frame budget.</summary>
    internal TokenBucket? Bucket { get; set; }

    /// <summary>When the recent refusals began, and how many there were: flood detection.</summary>
    internal (DateTimeOffset Since, int Count) Refusals { get; set; }

    /// <summary>Sends in flight, so a client pipelining sends does not wait for each commit, within a bound.</summary>
    internal SemaphoreSlim InFlight { get; } = new(256);

    /// <summary>Serves the connection until either side closes it.</summary>
    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
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
            _out.Writer.TryComplete();
            await writer;
            await _frames.ClosedAsync(this);
            await _stop.CancelAsync();
        }
    }

    /// <summary>Queues a reply or event frame; a client too slow to take it is disconnected.</summary>
    internal void Send(byte[] frame)
    {
        if (!_out.Writer.TryWrite(frame))
        {
            SlowConsumer();
        }
    }

    /// <summary>Queues a frame, waiting for room: for backlogs, which may exceed the queue.</summary>
    internal ValueTask SendWaitingAsync(byte[] frame) => _out.Writer.WriteAsync(frame, _stop.Token);

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
            _out.Writer.TryWrite(frame);
        }

        _out.Writer.TryComplete();
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

            subscription.Last = lastSent ?? Guid.Empty;
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
        if (frame.MessageId is { } id)
        {
            if (id.CompareTo(subscription.Last) <= 0)
            {
                return;
            }

            subscription.Last = id;
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
        var small = new byte[SmallFrame];
        byte[]? large = null;
        var length = 0;
        var tooLarge = false;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var target = large is null ? small.AsMemory(length) : large.AsMemory(length);
                var result = await _socket.ReceiveAsync(target, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
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
                    if (tooLarge)
                    {
                        continue;
                    }

                    var buffer = large ?? small;
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length * 4, 16 * 1024), _options.MaxFrameBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        if (large is not null)
                        {
                            ArrayPool<byte>.Shared.Return(large);
                        }

                        large = bigger;
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
                    await HandleAsync((large ?? small).AsMemory(0, length));
                }

                if (large is not null)
                {
                    ArrayPool<byte>.Shared.Return(large);
                    large = null;
                }

                length = 0;
                tooLarge = false;
            }
        }
        finally
        {
            if (large is not null)
            {
                ArrayPool<byte>.Shared.Return(large);
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

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _out.Reader.ReadAllAsync(CancellationToken.None))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_closeStatus ?? WebSocketCloseStatus.NormalClosure, _closeReason ?? "bye", _stop.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Writing to a socket the client already dropped; the read loop sees the same and ends.
            await _stop.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat connection {ConnectionId} read too slowly and was closed")]
    private static partial void LogSlowConsumer(ILogger logger, Guid connectionId);

    private sealed class Subscription
    {
        public List<RoomFrame>? Buffer { get; set; } = [];

        public Guid Last { get; set; }
    }
}
