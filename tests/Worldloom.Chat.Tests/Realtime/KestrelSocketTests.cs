using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>
/// <c>/api/chat/ws</c> over real Kestrel sockets, where the endpoint completes the upgrade itself and the writer sends a
/// drained queue in one write (the in-memory test server takes ASP.NET Core's own accept instead).
/// </summary>
[Trait("Category", "Integration")]
public sealed class KestrelSocketTests
{
    [Fact]
    public async Task Upgrade_AnswersTheRfc6455AcceptKey_AndAnUnsupportedVersionIsAProblemNamingTheUpgrade()
    {
        await using var server = await KestrelChat.StartAsync();

        // The key and the answer are the example of RFC 6455 §1.3.
        var accepted = await RawRequestAsync(server.Address, "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        Assert.StartsWith("HTTP/1.1 101", accepted, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", accepted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sec-WebSocket-Protocol", accepted, StringComparison.OrdinalIgnoreCase);

        var refused = await RawRequestAsync(server.Address, "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n");
        Assert.StartsWith("HTTP/1.1 400", refused, StringComparison.Ordinal);
        Assert.Contains("upgrade", refused, StringComparison.Ordinal);

        var noKey = await RawRequestAsync(server.Address, "Sec-WebSocket-Version: 13\r\n");
        Assert.StartsWith("HTTP/1.1 400", noKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinedFrames_AreAnsweredInOrder_AndTheRefusalBeforeAClose_ArrivesBeforeIt()
    {
        await using var server = await KestrelChat.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        var chat = ChatSocket.Over(socket);

        // Unauthenticated frames are each refused with their ref: replies queue faster than one write each, so the
        // writer sends them in runs; every one must still come, in order.
        const int Count = 60;
        for (var i = 0; i < Count; i++)
        {
            await chat.SendAsync(new { type = "ping", @ref = "p" + i });
        }

        await chat.SendAsync(new { type = "auth", token = "not a token", @ref = "auth" });
        for (var i = 0; i < Count; i++)
        {
            var refused = await chat.NextAsync() ?? throw new Xunit.Sdk.XunitException($"closed before reply {i}");
            Assert.Equal(("error", "p" + i), (refused.GetProperty("type").GetString(), refused.GetProperty("ref").GetString()));
        }

        var last = await chat.NextAsync() ?? throw new Xunit.Sdk.XunitException("closed before the auth refusal");
        Assert.Equal(("unauthenticated", "auth"), (last.GetProperty("code").GetString(), last.GetProperty("ref").GetString()));
        Assert.Null(await chat.NextAsync());
        Assert.Equal(4401, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task ABurstOfSends_IsAckedAndDeliveredInOrder_ToEverySubscriber()
    {
        await using var server = await KestrelChat.StartAsync();
        var (_, _, aliceHttp, aliceToken) = await RemoteChat.UserAsync(server.Address);
        var (_, _, bobHttp, bobToken) = await RemoteChat.UserAsync(server.Address);
        using var disposeAlice = aliceHttp;
        using var disposeBob = bobHttp;
        var room = await KestrelChat.PublicRoomAsync(aliceHttp);
        await KestrelChat.JoinAsync(bobHttp, room);
        await using var alice = await RemoteChat.ConnectAsync(server.Address, aliceToken);
        await using var bob = await RemoteChat.ConnectAsync(server.Address, bobToken);
        foreach (var socket in new[] { alice, bob })
        {
            await socket.SendAsync(new { type = "subscribe", roomId = room });
            await socket.ExpectAsync("subscribed");
        }

        const int Count = 40;
        for (var i = 0; i < Count; i++)
        {
            await alice.SendAsync(new { type = "send", roomId = room, clientId = "c" + i, body = "burst " + i });
        }

        foreach (var socket in new[] { alice, bob })
        {
            var bodies = new List<string>();
            var acks = new List<string>();
            while (bodies.Count < Count || (socket == alice && acks.Count < Count))
            {
                var frame = await socket.NextAsync() ?? throw new Xunit.Sdk.XunitException("the socket closed during the burst");
                switch (frame.GetProperty("type").GetString())
                {
                    case "message":
                        bodies.Add(frame.GetProperty("message").GetProperty("body").GetString()!);
                        break;
                    case "ack":
                        acks.Add(frame.GetProperty("clientId").GetString()!);
                        break;
                }
            }

            Assert.Equal(Enumerable.Range(0, Count).Select(i => "burst " + i), bodies);
        }
    }

    private static async Task<string> RawRequestAsync(Uri server, string headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var request = $"GET /api/chat/ws HTTP/1.1\r\nHost: {server.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n{headers}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(ChatSocket.Patience);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        // The head of the answer, and of a problem its first bytes of body: enough to read status, headers and field.
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) || (received.ToString().StartsWith("HTTP/1.1 4", StringComparison.Ordinal) && !received.ToString().Contains('}', StringComparison.Ordinal)))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
