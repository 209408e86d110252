using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// One client's game socket: a read loop that hands each binary frame to <see cref="RealmGateway"/>, and a bounded
/// outgoing queue drained by a writer, so a slow reader never holds up its zone (it is disconnected instead, and may
/// reconnect within the grace to resume).
/// </summary>
public sealed partial class RealmConnection
{
    /// <summary>Close status for a kick (anti-cheat, replaced by another connection).</summary>
    public const WebSocketCloseStatus Kicked = (WebSocketCloseStatus)4001;

    /// <summary>Close status for a missing, bad or expired token.</summary>
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;

    private readonly WebSocket _socket;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _out;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _closeGate = new();
    private WebSocketCloseStatus? _closeStatus;
    private string? _closeReason;

    /// <summary>A connection over an accepted socket.</summary>
    public RealmConnection(WebSocket socket, int maxQueuedFrames, ILogger logger)
    {
        _socket = socket;
        _logger = logger;
        _out = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(maxQueuedFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>This connection's id.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The signed-in user; empty until <c>auth</c>.</summary>
    public Guid UserId { get; set; }

    /// <summary>Whether the token says the user is an admin.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>When its access token expires.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The character it plays, once joined.</summary>
    public Guid? CharacterId { get; set; }

    /// <summary>The grain key of the zone the character is in.</summary>
    public string? ZoneKey { get; set; }

    /// <summary>The zone grain of <see cref="ZoneKey"/> as last resolved, with the key it was resolved for (console
    /// lines go to it; inputs and acks go through <see cref="ZoneOutbox"/>, which resolves each zone once).</summary>
    internal (string Key, IZoneGrain Grain)? ZoneGrain { get; set; }

    /// <summary>The client's address, for audit entries.</summary>
    public string Ip { get; init; } = "";

    /// <summary>The realm the character belongs to.</summary>
    public Guid RealmId { get; set; }

    /// <summary>Start of the current rate window (a <see cref="TimeProvider"/> timestamp) and the frames in it.</summary>
    internal (long Since, int Count) Window { get; set; }

    /// <summary>Stops with the connection.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Serves the connection until either side closes it: <paramref name="handle"/> gets each binary frame (null for a text or oversized one).</summary>
    public async Task RunAsync(Func<RealmConnection, ReadOnlyMemory<byte>?, Task> handle, Func<RealmConnection, Task> closed)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(closed);
        var writer = WriteAsync();
        try
        {
            await ReadLoopAsync(handle);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away or was cut off; cleanup is the same either way.
        }
        finally
        {
            _out.Writer.TryComplete();
            await closed(this);
            await writer;
            await _stop.CancelAsync();
        }
    }

    /// <summary>Queues a frame; a client too slow to take its frames is disconnected.</summary>
    public void Send(byte[] frame)
    {
        if (!_out.Writer.TryWrite(frame) && _closeStatus is null)
        {
            LogSlowConsumer(_logger, Id);
            Close(WebSocketCloseStatus.PolicyViolation, "slow_consumer");
        }
    }

    /// <summary>Queues a server frame.</summary>
    public void Send(ServerFrame frame) => Send(ServerFrames.ToArray(frame));

    /// <summary>Closes with <paramref name="status"/> once the frames queued before it are out.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        lock (_closeGate)
        {
            if (_closeStatus is not null)
            {
                return;
            }

            _closeStatus = status;
            _closeReason = reason.Length > 120 ? reason[..120] : reason;
        }

        _out.Writer.TryComplete();
        // The client should answer the close; if it does not, stop reading anyway.
        _stop.CancelAfter(TimeSpan.FromSeconds(5));
    }

    private async Task ReadLoopAsync(Func<RealmConnection, ReadOnlyMemory<byte>?, Task> handle)
    {
        // One frame-sized buffer per connection: client frames are at most 4 KiB, and a longer one is skipped.
        var buffer = new byte[WireLimits.MaxClientFrame];
        while (!_stop.IsCancellationRequested)
        {
            var length = 0;
            var tooLarge = false;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(tooLarge ? buffer.AsMemory() : buffer.AsMemory(length), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (!tooLarge)
                {
                    length += result.Count;
                    tooLarge = length == buffer.Length && !result.EndOfMessage;
                }
            }
            while (!result.EndOfMessage);

            // Typed null: a bare null would become an empty Memory through the array conversion.
            await handle(this, tooLarge || result.MessageType != WebSocketMessageType.Binary ? (ReadOnlyMemory<byte>?)null : buffer.AsMemory(0, length));
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var frame in _out.Reader.ReadAllAsync(_stop.Token))
            {
                await _socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, _stop.Token);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Game connection {ConnectionId} read too slowly and was closed")]
    private static partial void LogSlowConsumer(ILogger logger, Guid connectionId);
}
