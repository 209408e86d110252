using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>A test's end of <c>/api/chat/ws</c>: sends frames, and reads them with a deadline so a missing frame fails instead of hanging.</summary>
public sealed class ChatSocket : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly WebSocket _socket;

    private ChatSocket(WebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    /// <summary>Connects without authenticating.</summary>
    public static async Task<ChatSocket> OpenAsync(LoomHost host, string? bearer = null)
    {
        var client = host.WebSockets();
        if (bearer is not null)
        {
            client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + bearer;
        }

        return new ChatSocket(await client.ConnectAsync(new Uri("ws://localhost/api/chat/ws"), CancellationToken.None));
    }

    /// <summary>Connects and authenticates with the first frame; returns after <c>ready</c>.</summary>
    public static async Task<ChatSocket> ConnectAsync(LoomHost host, TestUser user)
    {
        var socket = await OpenAsync(host);
        await socket.SendAsync(new { type = "auth", token = user.AccessToken });
        await socket.ExpectAsync("ready");
        return socket;
    }

    public static ChatSocket Over(WebSocket socket) => new(socket);

    public Task SendAsync(object frame) => SendTextAsync(JsonSerializer.Serialize(frame));

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next frame, or null when the server closed the socket.</summary>
    public async Task<JsonElement?> NextAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException) when (patience is not null)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(text.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Reads frames until one of <paramref name="type"/> (matching <paramref name="match"/>); fails if the socket closes first.</summary>
    public async Task<JsonElement> ExpectAsync(string type, Func<JsonElement, bool>? match = null, List<JsonElement>? skipped = null)
    {
        while (true)
        {
            var frame = await NextAsync() ?? throw new Xunit.Sdk.XunitException($"the socket closed ({_socket.CloseStatus} {_socket.CloseStatusDescription}) before a \"{type}\" frame");
            if (frame.GetProperty("type").GetString() == type && (match is null || match(frame)))
            {
                return frame;
            }

            skipped?.Add(frame);
        }
    }

    /// <summary>Reads frames until none arrives for <paramref name="quiet"/>.</summary>
    public async Task<List<JsonElement>> DrainAsync(TimeSpan quiet)
    {
        var frames = new List<JsonElement>();
        while (await NextAsync(quiet) is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
        }

        _socket.Dispose();
    }
}
