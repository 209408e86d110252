using System.Net.WebSockets;
using Worldloom.Platform.Tests.Support;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Snapshots;
using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Tests.Realtime;

/// <summary>
/// A test's game client on <c>/api/realms/ws</c>: writes client frames, reads server frames with a deadline (a missing
/// frame fails instead of hanging), decodes snapshots with the codec's decoder and acknowledges each one, as a real
/// client does.
/// </summary>
public sealed class GameSocket : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly byte[] _buffer = new byte[WireLimits.MaxServerFrame];
    private uint _sequence;
    private uint? _pendingAck;

    private GameSocket(WebSocket socket) => _socket = socket;

    public SnapshotDecoder Decoder { get; } = new();

    /// <summary>The last welcome (join or transfer).</summary>
    public WelcomeFrame? Welcome { get; private set; }

    /// <summary>The newest decoded snapshot.</summary>
    public Snapshot? Latest { get; private set; }

    /// <summary>Every entity id any snapshot carried.</summary>
    public HashSet<uint> EverSeen { get; } = [];

    /// <summary>Ack each decoded snapshot inside the next input (<c>input_ack</c>), as the web client does, instead of
    /// with an <c>ack</c> frame of its own.</summary>
    public bool AcksWithInputs { get; set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static GameSocket Over(WebSocket socket) => new(socket);

    /// <summary>A socket to a real server's game endpoint (a <c>loom serve</c> process).</summary>
    public static async Task<GameSocket> OpenAsync(Uri server)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(server.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), "/api/realms/ws"), CancellationToken.None);
        return new GameSocket(socket);
    }

    /// <summary>Authenticates and joins on an open socket; returns after the welcome.</summary>
    public async Task JoinAsync(string accessToken, Guid character)
    {
        await SendAsync(new AuthFrame(accessToken));
        await SendAsync(new JoinFrame(character));
        await ExpectAsync<WelcomeFrame>();
    }

    public static async Task<GameSocket> OpenAsync(LoomHost host)
    {
        var client = host.WebSockets();
        return new GameSocket(await client.ConnectAsync(new Uri("ws://localhost/api/realms/ws"), CancellationToken.None));
    }

    /// <summary>Connects and authenticates (the server answers nothing to a good auth; a ping proves it was taken).</summary>
    public static async Task<GameSocket> ConnectAsync(LoomHost host, TestUser user)
    {
        var socket = await OpenAsync(host);
        await socket.SendAsync(new AuthFrame(user.AccessToken));
        await socket.SendAsync(new PingFrame(7));
        var pong = await socket.ExpectAsync<PongFrame>();
        Assert.Equal(7u, pong.Nonce);
        return socket;
    }

    /// <summary>Connects, authenticates and joins; returns after the welcome.</summary>
    public static async Task<GameSocket> PlayAsync(LoomHost host, TestUser user, Guid character)
    {
        var socket = await ConnectAsync(host, user);
        await socket.SendAsync(new JoinFrame(character));
        await socket.ExpectAsync<WelcomeFrame>();
        return socket;
    }

    public Task SendAsync(ClientFrame frame) => SendRawAsync(ClientFrames.ToArray(frame));

    public Task SendRawAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Binary) =>
        _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends the next input: walking at <paramref name="angle"/> (or standing).</summary>
    public Task WalkAsync(int angle)
    {
        var ack = _pendingAck;
        _pendingAck = null;
        return SendAsync(new InputFrame(new PlayerInput(++_sequence, angle, null), ack));
    }

    /// <summary>The next frame, or null when the server closed the socket. Snapshots are decoded and acknowledged.</summary>
    public async Task<ServerFrame?> NextAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                break;
            }
        }

        Assert.True(ServerFrames.TryRead(_buffer.AsSpan(0, length), out var frame, out var error), $"unreadable server frame: {error}");
        switch (frame)
        {
            case WelcomeFrame welcome:
                Welcome = welcome;
                break;
            case SnapshotFrame snapshot:
                if (Decoder.TryDecode(snapshot.Payload.Span, out var decoded, out var decodeError))
                {
                    Latest = decoded;
                    foreach (var e in decoded.Entities)
                    {
                        EverSeen.Add(e.Id);
                    }

                    if (AcksWithInputs)
                    {
                        _pendingAck = decoded.Tick;
                    }
                    else
                    {
                        await SendAsync(new AckFrame(decoded.Tick));
                    }
                }
                else
                {
                    Assert.Fail($"undecodable snapshot: {decodeError}");
                }

                break;
        }

        return frame;
    }

    /// <summary>Reads until a frame of type <typeparamref name="T"/> (matching <paramref name="match"/>) arrives.</summary>
    public async Task<T> ExpectAsync<T>(Func<T, bool>? match = null)
        where T : ServerFrame
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            var frame = await NextAsync();
            Assert.True(frame is not null, $"the server closed the socket ({CloseStatus} {CloseDescription}) while a {typeof(T).Name} was expected");
            if (frame is T t && (match is null || match(t)))
            {
                return t;
            }
        }
    }

    /// <summary>Reads snapshots until <paramref name="until"/> holds for one; false if none did within the patience.</summary>
    public async Task<Snapshot> SnapshotAsync(Func<Snapshot, bool> until, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!deadline.IsCancellationRequested)
        {
            var frame = await NextAsync();
            Assert.True(frame is not null, $"the server closed the socket ({CloseStatus} {CloseDescription}) while waiting for {what}");
            if (frame is SnapshotFrame && until(Latest!))
            {
                return Latest!;
            }
        }

        Assert.Fail($"no snapshot showed {what} within {Patience}");
        return null!;
    }

    /// <summary>The client's own entity in the newest snapshot.</summary>
    public EntityState Self => Latest!.Entities.Single(e => e.Id == Welcome!.EntityId);

    /// <summary>Reads until the server closes; the close status.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync()
    {
        while (await NextAsync() is not null)
        {
        }

        return CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }

        _socket.Dispose();
    }
}
