using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Worldloom.Chat.Client.Realtime;

/// <summary>
/// A client's end of <c>/api/chat/ws</c> (<c>docs/chat-protocol.md</c>) that keeps its promises across connections:
/// it reconnects with backoff, resubscribes each room after the last message it delivered (so the server's
/// exactly-once resume applies), resends unacknowledged sends from its <see cref="Outbox"/>, and re-authenticates
/// before the access token expires. Every server frame is offered on <see cref="Events"/>.
/// </summary>
public sealed class ChatLink : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReauthMargin = TimeSpan.FromSeconds(60);

    // The server's expiry is on the server's clock; a skewed client clock must not turn re-auth into a flood.
    private static readonly TimeSpan MinReauthInterval = TimeSpan.FromSeconds(30);

    private readonly ChatSocketFactory _connect;
    private readonly Func<CancellationToken, Task<string>> _accessToken;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, Guid?> _rooms = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _waiting = new();
    private readonly ConcurrentDictionary<Guid, string> _subscribing = new();
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>(new() { SingleReader = true });
    private WebSocket? _socket;
    private TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private long _refs;
    private CancellationTokenSource? _reauth;

    /// <summary>Creates a link; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="connect">Opens the socket.</param>
    /// <param name="accessToken">Gives a current access token (refreshing it when needed); called for each connection and re-auth.</param>
    /// <param name="time">Clock for re-auth scheduling; the system's when null.</param>
    public ChatLink(ChatSocketFactory connect, Func<CancellationToken, Task<string>> accessToken, TimeProvider? time = null)
    {
        _connect = connect ?? throw new ArgumentNullException(nameof(connect));
        _accessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Every frame the server sends (<c>message</c>, <c>typing</c>, <c>error</c> …), in arrival order.</summary>
    public ChannelReader<JsonElement> Events => _events.Reader;

    /// <summary>Sends waiting for their ack.</summary>
    public Outbox Outbox { get; } = new();

    /// <summary>The user the server authenticated; empty before the first <c>ready</c>.</summary>
    public Guid UserId { get; private set; }

    /// <summary>How many connections were opened (1 + reconnects).</summary>
    public int Connections { get; private set; }

    /// <summary>Whether a connection is authenticated now.</summary>
    public bool Connected => _ready.Task.IsCompletedSuccessfully && _socket is { State: WebSocketState.Open };

    /// <summary>Raised with a short description when the link connects or loses its connection.</summary>
    public event Action<string>? StateChanged;

    /// <summary>Connects, and keeps reconnecting until disposed; returns after the first <c>ready</c>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _loop ??= Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        await _ready.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Subscribes to a room, resuming after <paramref name="after"/> when given; after a reconnect the link resubscribes
    /// after the last message it delivered. Completes with the <c>subscribed</c> frame.
    /// </summary>
    public Task<JsonElement> SubscribeAsync(Guid roomId, Guid? after = null, CancellationToken cancellationToken = default)
    {
        _rooms[roomId] = after;
        var reference = NextRef();
        _subscribing[roomId] = reference;
        return RequestAsync(reference, r => new { type = "subscribe", @ref = r, roomId, after = _rooms.GetValueOrDefault(roomId) }, cancellationToken);
    }

    /// <summary>Stops following a room.</summary>
    public Task UnsubscribeAsync(Guid roomId, CancellationToken cancellationToken = default)
    {
        _rooms.TryRemove(roomId, out _);
        return RequestAsync(NextRef(), r => new { type = "unsubscribe", @ref = r, roomId }, cancellationToken);
    }

    /// <summary>
    /// Sends a message; completes with its <c>ack</c> (the message is durable), which may come over a later
    /// connection. The send stays in the <see cref="Outbox"/> until then.
    /// </summary>
    /// <param name="roomId">Room.</param>
    /// <param name="body">Text.</param>
    /// <param name="replyTo">The message replied to.</param>
    /// <param name="clientId">Idempotency key; a fresh random one when null.</param>
    /// <param name="cancellationToken">Stops waiting (the send stays in the outbox).</param>
    /// <param name="attachments">Files shared with the message.</param>
    public async Task<JsonElement> SendAsync(
        Guid roomId, string body, Guid? replyTo = null, string? clientId = null, CancellationToken cancellationToken = default, IReadOnlyList<AttachmentRef>? attachments = null)
    {
        var send = new PendingSend(roomId, clientId ?? NewClientId(), body, replyTo, attachments is { Count: > 0 } ? attachments : null);
        var waiter = _waiting.GetOrAdd(send.ClientId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Outbox.Add(send) && Connected)
        {
            await TrySendAsync(SendFrame(send));
        }

        return await waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Tells the room's other members the user is typing (best effort: dropped while disconnected).</summary>
    public Task TypingAsync(Guid roomId) => TrySendAsync(new { type = "typing", roomId });

    /// <summary>Moves the read marker (best effort).</summary>
    public Task ReadAsync(Guid roomId, Guid messageId) => TrySendAsync(new { type = "read", roomId, messageId });

    /// <summary>Round trip to the server.</summary>
    public Task<JsonElement> PingAsync(CancellationToken cancellationToken = default) =>
        RequestAsync(NextRef(), r => new { type = "ping", @ref = r }, cancellationToken);

    /// <summary>Drops the current connection as a network failure would; the link reconnects and resumes.</summary>
    public void Interrupt() => _socket?.Abort();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket?.Abort();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping is what was asked for.
            }
        }

        _events.Writer.TryComplete();
        foreach (var w in _waiting.Values)
        {
            w.TrySetCanceled();
        }

        _socket?.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }

    /// <summary>A fresh client id: 128 random bits, unpadded base64url (the REST rule's alphabet).</summary>
    public static string NewClientId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task RunAsync(CancellationToken stop)
    {
        var attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var token = await _accessToken(stop);
                using var socket = await _connect(token, stop);
                _socket = socket;
                Connections++;
                await SendRawAsync(socket, new { type = "auth", token }, stop);
                await ReceiveAsync(socket, () => attempt = 0, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever ended this attempt (the socket, a token refresh the server refused, a timeout), the loop is
                // the only thing that reconnects: it must outlive every failure, or the link goes quiet for good.
                StateChanged?.Invoke("disconnected: " + e.Message);
            }

            if (_ready.Task.IsCompleted)
            {
                _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            StateChanged?.Invoke("reconnecting");
            var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, attempt++)));
            // Jitter, so that clients dropped together by one server restart do not return together.
            backoff += TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, 250));
            await Task.Delay(backoff, _time, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReceiveAsync(WebSocket socket, Action connected, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        using var reauth = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    StateChanged?.Invoke($"closed by the server ({(int?)result.CloseStatus} {result.CloseStatusDescription})");
                    return;
                }

                text.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                JsonElement frame;
                try
                {
                    frame = JsonDocument.Parse(text.ToArray()).RootElement;
                }
                catch (JsonException)
                {
                    continue;
                }
                finally
                {
                    text.SetLength(0);
                }

                await OnFrameAsync(socket, frame, connected, reauth.Token);
            }
        }
        finally
        {
            await reauth.CancelAsync();
        }
    }

    private async Task OnFrameAsync(WebSocket socket, JsonElement frame, Action connected, CancellationToken reauth)
    {
        var type = Text(frame, "type");
        var reference = Text(frame, "ref");
        switch (type)
        {
            case "ready":
                var first = !_ready.Task.IsCompleted;
                UserId = frame.GetProperty("userId").GetGuid();
                if (frame.TryGetProperty("expiresAt", out var expires) && expires.TryGetDateTimeOffset(out var expiresAt))
                {
                    // Each ready (first or answering a re-auth) replaces the one pending re-auth of this connection.
                    var next = CancellationTokenSource.CreateLinkedTokenSource(reauth);
                    var previous = Interlocked.Exchange(ref _reauth, next);
                    previous?.Cancel();
                    previous?.Dispose();
                    _ = ReauthAsync(socket, expiresAt, next.Token);
                }

                if (first)
                {
                    connected();
                    await ResumeAsync(socket);
                    _ready.TrySetResult(true);
                    StateChanged?.Invoke("connected");
                }

                break;
            case "message":
                var message = frame.GetProperty("message");
                var room = message.GetProperty("roomId").GetGuid();
                var id = message.GetProperty("id").GetGuid();
                _rooms.AddOrUpdate(room, _ => null, (_, last) => last is { } l && l.CompareTo(id) >= 0 ? l : id);
                break;
            case "subscribed":
                _subscribing.TryRemove(frame.GetProperty("roomId").GetGuid(), out _);
                break;
            case "ack":
                var clientId = Text(frame, "clientId");
                if (clientId is not null)
                {
                    Outbox.Acknowledge(frame.GetProperty("roomId").GetGuid(), clientId);
                    if (_waiting.TryRemove(clientId, out var sent))
                    {
                        sent.TrySetResult(frame);
                    }
                }

                break;
            case "error":
                await OnErrorAsync(frame, reference);
                break;
        }

        if (reference is not null && type is "subscribed" or "unsubscribed" or "pong" && _waiting.TryRemove(reference, out var waiter))
        {
            waiter.TrySetResult(frame);
        }

        await _events.Writer.WriteAsync(frame);
    }

    private async Task OnErrorAsync(JsonElement frame, string? reference)
    {
        var code = Text(frame, "code");
        if (reference is null || !_waiting.TryGetValue(reference, out var waiter))
        {
            return;
        }

        var pending = Outbox.Snapshot().FirstOrDefault(p => p.ClientId == reference);
        if (pending is not null && code is "rate_limited" or "internal")
        {
            // Worth another try: the send stays in the outbox and goes again after the server's pause.
            var wait = frame.TryGetProperty("retryAfterMs", out var ms) && ms.TryGetInt32(out var m) ? m : 1000;
            _ = Task.Delay(TimeSpan.FromMilliseconds(wait), _time, _stop.Token)
                .ContinueWith(_ => TrySendAsync(SendFrame(pending)), TaskScheduler.Default);
            return;
        }

        if (pending is not null)
        {
            Outbox.Acknowledge(pending.RoomId, pending.ClientId);
        }

        _waiting.TryRemove(reference, out _);
        waiter.TrySetException(new ChatLinkException(frame));
        await Task.CompletedTask;
    }

    private async Task ResumeAsync(WebSocket socket)
    {
        foreach (var (roomId, after) in _rooms)
        {
            // A subscribe asked for while disconnected is still waited on under its ref: answer that one.
            var reference = _subscribing.GetValueOrDefault(roomId) ?? NextRef();
            await SendRawAsync(socket, new { type = "subscribe", @ref = reference, roomId, after }, _stop.Token);
        }

        foreach (var send in Outbox.Snapshot())
        {
            await SendRawAsync(socket, SendFrame(send), _stop.Token);
        }
    }

    private async Task ReauthAsync(WebSocket socket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var wait = expiresAt - _time.GetUtcNow() - ReauthMargin;
        try
        {
            await Task.Delay(wait > MinReauthInterval ? wait : MinReauthInterval, _time, cancellationToken);
            var token = await _accessToken(cancellationToken);
            await SendRawAsync(socket, new { type = "auth", token }, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or WebSocketException or HttpRequestException)
        {
            // The connection ended first, or the refresh failed: the server closes at expiry and the link reconnects.
        }
    }

    private async Task<JsonElement> RequestAsync(string reference, Func<string, object> frame, CancellationToken cancellationToken)
    {
        var waiter = _waiting.GetOrAdd(reference, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Connected)
        {
            await TrySendAsync(frame(reference));
        }

        return await waiter.Task.WaitAsync(cancellationToken);
    }

    private async Task TrySendAsync(object frame)
    {
        if (_socket is not { State: WebSocketState.Open } socket)
        {
            return;
        }

        try
        {
            await SendRawAsync(socket, frame, _stop.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive loop sees the broken connection and reconnects; the outbox and resubscribe cover what was lost.
        }
    }

    private async Task SendRawAsync(WebSocket socket, object frame, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(frame, ChatJson.Options));
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private static object SendFrame(PendingSend s) =>
        new { type = "send", @ref = s.ClientId, roomId = s.RoomId, clientId = s.ClientId, body = s.Body, replyTo = s.ReplyTo, attachments = s.Attachments };

    private string NextRef() => "sub-" + Interlocked.Increment(ref _refs);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
