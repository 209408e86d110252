using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Realtime;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>
/// <c>/api/chat/ws</c> upgrades served at Kestrel's connection level (<see cref="ChatUpgradeListener"/>), over real
/// sockets: what it serves, what it leaves to HTTP untouched, and the limits both paths share.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConnectionUpgradeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Fact]
    public async Task APlainUpgrade_IsServedAtConnectionLevel_AndChats()
    {
        await using var server = await KestrelChat.StartAsync();
        using var upgrades = new UpgradeCounts(server);
        var (_, _, aliceHttp, aliceToken) = await RemoteChat.UserAsync(server.Address);
        using var disposeAlice = aliceHttp;
        var room = await KestrelChat.PublicRoomAsync(aliceHttp);

        // In-band authentication, as browsers do.
        using (var socket = new ClientWebSocket())
        {
            await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
            var chat = ChatSocket.Over(socket);
            await chat.SendAsync(new { type = "auth", token = aliceToken });
            await chat.ExpectAsync("ready");
            await chat.SendAsync(new { type = "subscribe", roomId = room });
            await chat.ExpectAsync("subscribed");
            await chat.SendAsync(new { type = "send", roomId = room, clientId = "c1", body = "hello below HTTP", @ref = "s1" });
            var skipped = new List<JsonElement>();
            var ack = await chat.ExpectAsync("ack", skipped: skipped);
            Assert.Equal(("s1", false), (ack.GetProperty("ref").GetString(), ack.GetProperty("duplicate").GetBoolean()));
            var message = skipped.Find(f => f.GetProperty("type").GetString() == "message") is { ValueKind: JsonValueKind.Object } early ? early : await chat.ExpectAsync("message");
            Assert.Equal("hello below HTTP", message.GetProperty("message").GetProperty("body").GetString());
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        // The upgrade's own bearer token.
        await using (var bearer = await RemoteChat.ConnectAsync(server.Address, aliceToken))
        {
            await bearer.SendAsync(new { type = "ping", @ref = "p" });
            await bearer.ExpectAsync("pong");
        }

        Assert.Equal(2, upgrades.Count(ChatMetrics.ConnectionLevel, 101));
        Assert.Equal(0, upgrades.Count(ChatMetrics.HttpLevel, 101));
    }

    [Fact]
    public async Task ABadBearer_IsRefused401_OnBothPaths_AndWhatIsNoPlainUpgrade_GoesToHttpUntouched()
    {
        await using var server = await KestrelChat.StartAsync();
        using var upgrades = new UpgradeCounts(server);

        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync(Upgrade(server, "Authorization: Bearer not-a-token\r\n"));
            var refused = await raw.ReadResponseAsync();
            Assert.StartsWith("HTTP/1.1 401", refused, StringComparison.Ordinal);
            Assert.Contains("application/problem+json", refused, StringComparison.Ordinal);
            Assert.Contains("invalid or expired", refused, StringComparison.Ordinal);
        }

        // The same upgrade after a request on a keep-alive connection takes the HTTP path, with the same answer.
        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync($"GET /health HTTP/1.1\r\nHost: {server.Address.Authority}\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 200", await raw.ReadResponseAsync(), StringComparison.Ordinal);
            await raw.SendAsync(Upgrade(server, "Authorization: Bearer not-a-token\r\n"));
            Assert.StartsWith("HTTP/1.1 401", await raw.ReadResponseAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, upgrades.Count(ChatMetrics.ConnectionLevel, 401));
        Assert.Equal(1, upgrades.Count(ChatMetrics.HttpLevel, 401));

        // No upgrade at all: the endpoint's problem naming the field.
        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync($"GET /api/chat/ws HTTP/1.1\r\nHost: {server.Address.Authority}\r\n\r\n");
            var plain = await raw.ReadResponseAsync();
            Assert.StartsWith("HTTP/1.1 400", plain, StringComparison.Ordinal);
            Assert.Contains("\"upgrade\"", plain, StringComparison.Ordinal);
        }

        // A head over the listener's 8 KiB goes to HTTP, which still upgrades it; one over Kestrel's own limit is refused.
        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync(Upgrade(server, $"X-Padding: {new string('a', 10_000)}\r\n"));
            Assert.StartsWith("HTTP/1.1 101", await raw.ReadResponseAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, upgrades.Count(ChatMetrics.HttpLevel, 101));
        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync(Upgrade(server, $"X-Padding: {new string('a', 40_000)}\r\n"));
            Assert.StartsWith("HTTP/1.1 431", await raw.ReadResponseAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, upgrades.Count(ChatMetrics.ConnectionLevel, 101));
    }

    [Fact]
    public async Task RequestsWrittenByteByByte_ReachBothPaths_WithNoByteLost()
    {
        await using var server = await KestrelChat.StartAsync();
        using var upgrades = new UpgradeCounts(server);

        // An ordinary request on a fresh connection: the listener reads it first, then HTTP gets all of it.
        using (var client = new HttpClient { BaseAddress = server.Address })
        {
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.True(health.IsSuccessStatusCode);
        }

        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync($"GET /health HTTP/1.1\r\nHost: {server.Address.Authority}\r\n\r\n", byteByByte: true);
            Assert.StartsWith("HTTP/1.1 200", await raw.ReadResponseAsync(), StringComparison.Ordinal);
        }

        // A near miss of the path, refused by HTTP's fallback once it has the whole request.
        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync($"GET /api/chat/wsx HTTP/1.1\r\nHost: {server.Address.Authority}\r\n\r\n", byteByByte: true);
            Assert.StartsWith("HTTP/1.1 404", await raw.ReadResponseAsync(), StringComparison.Ordinal);
        }

        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync(Upgrade(server, ""), byteByByte: true);
            var accepted = await raw.ReadResponseAsync();
            Assert.StartsWith("HTTP/1.1 101", accepted, StringComparison.Ordinal);
            Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", accepted, StringComparison.Ordinal);
        }

        Assert.Equal(1, upgrades.Count(ChatMetrics.ConnectionLevel, 101));
    }

    [Fact]
    public async Task AnUpgradeHeadThatStopsHalfway_Is408AtConnectionLevel_AndAnEmptyConnectionJustCloses()
    {
        // One header timeout in all, not the listener's and then HTTP's: the listener answers itself. The timeout comes
        // from configuration, as an operator would set it (Kestrel__Limits__RequestHeadersTimeout).
        await using var server = await KestrelChat.StartAsync(new Dictionary<string, string?> { ["Kestrel:Limits:RequestHeadersTimeout"] = "00:00:01" });
        using var upgrades = new UpgradeCounts(server);

        using (var raw = await RawConnection.OpenAsync(server))
        {
            await raw.SendAsync($"GET /api/chat/ws HTTP/1.1\r\nHost: {server.Address.Authority}\r\nUpgrade: websocket\r\n");
            Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", await raw.ReadResponseAsync(), StringComparison.Ordinal);
            Assert.Equal("", await raw.ReadToCloseAsync());
        }

        using (var raw = await RawConnection.OpenAsync(server))
        {
            Assert.Equal("", await raw.ReadToCloseAsync());
        }

        Assert.Equal(1, upgrades.Count(ChatMetrics.ConnectionLevel, 408));
    }

    [Fact]
    public async Task FramesPipelinedWithTheUpgrade_AreAnswered()
    {
        await using var server = await KestrelChat.StartAsync();
        var (_, _, http, token) = await RemoteChat.UserAsync(server.Address);
        http.Dispose();
        using var raw = await RawConnection.OpenAsync(server);
        var request = Encoding.ASCII.GetBytes(Upgrade(server, ""));
        await raw.SendAsync([.. request, .. ClientFrame(new { type = "auth", token }), .. ClientFrame(new { type = "ping", @ref = "right after" })]);
        Assert.StartsWith("HTTP/1.1 101", await raw.ReadResponseAsync(), StringComparison.Ordinal);
        Assert.Equal("ready", (await raw.ReadFrameAsync()).GetProperty("type").GetString());
        var pong = await raw.ReadFrameAsync();
        Assert.Equal(("pong", "right after"), (pong.GetProperty("type").GetString(), pong.GetProperty("ref").GetString()));
    }

    [Fact]
    public async Task TheAddressUpgradeLimit_RefusesWith429_AndBothPathsDrawOnOneBucket()
    {
        const int Burst = 3;
        await using var server = await KestrelChat.StartAsync(new Dictionary<string, string?>
        {
            ["Loom:RateLimits:UpgradePerIpBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Loom:RateLimits:UpgradePerIpPerSecond"] = "1",
        });

        var accepted = 0;
        string? connectionRefusal = null, httpRefusal = null;
        for (var i = 0; i < 12; i++)
        {
            // Alternately a fresh connection (served below HTTP) and a keep-alive connection's upgrade (served by HTTP).
            using var raw = await RawConnection.OpenAsync(server);
            if (i % 2 == 1)
            {
                await raw.SendAsync($"GET /health HTTP/1.1\r\nHost: {server.Address.Authority}\r\n\r\n");
                await raw.ReadResponseAsync();
            }

            await raw.SendAsync(Upgrade(server, ""));
            var answer = await raw.ReadResponseAsync();
            if (answer.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                accepted++;
            }
            else if (i % 2 == 0)
            {
                connectionRefusal ??= answer;
            }
            else
            {
                httpRefusal ??= answer;
            }
        }

        // Separate buckets would let each path through Burst times; a token a second may come back while this runs.
        Assert.InRange(accepted, Burst, Burst + 2);
        foreach (var refusal in new[] { connectionRefusal, httpRefusal })
        {
            Assert.NotNull(refusal);
            Assert.StartsWith("HTTP/1.1 429", refusal, StringComparison.Ordinal);
            Assert.Contains("Retry-After: ", refusal, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Too many requests.", refusal, StringComparison.Ordinal);
        }
    }

    private static string Upgrade(KestrelChat server, string headers) =>
        $"GET /api/chat/ws HTTP/1.1\r\nHost: {server.Address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n{headers}\r\n";

    /// <summary>A masked text frame, as a client sends it (RFC 6455 §5.2).</summary>
    private static byte[] ClientFrame(object value)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(value);
        var frame = new List<byte> { 0x81 };
        if (payload.Length < 126)
        {
            frame.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.AddRange([0x80 | 126, (byte)(payload.Length >> 8), (byte)payload.Length]);
        }

        byte[] mask = [0x12, 0x34, 0x56, 0x78];
        frame.AddRange(mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
        return [.. frame];
    }

    /// <summary>Counts this server's <see cref="ChatMetrics.UpgradesName"/> by <c>served</c> and <c>status</c>.</summary>
    private sealed class UpgradeCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<(string, int), int> _counts = [];

        public UpgradeCounts(KestrelChat server)
        {
            var meters = server.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == ChatMetrics.UpgradesName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? served = null;
                var status = 0;
                foreach (var tag in tags)
                {
                    switch (tag.Key)
                    {
                        case "served":
                            served = (string?)tag.Value;
                            break;
                        case "status":
                            status = (int)tag.Value!;
                            break;
                    }
                }

                lock (_counts)
                {
                    _counts[(served!, status)] = _counts.GetValueOrDefault((served!, status)) + (int)value;
                }
            });
            _listener.Start();
        }

        public int Count(string served, int status)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault((served, status));
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>One TCP connection to the server, spoken to byte for byte.</summary>
    private sealed class RawConnection : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly List<byte> _received = [];

        private RawConnection(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
        }

        public static async Task<RawConnection> OpenAsync(KestrelChat server)
        {
            var tcp = new TcpClient { NoDelay = true };
            await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
            return new RawConnection(tcp);
        }

        public Task SendAsync(string text, bool byteByByte = false) => SendAsync(Encoding.ASCII.GetBytes(text), byteByByte);

        /// <summary>Sends <paramref name="bytes"/> in one write, or one byte a write (each its own TCP segment, with no delay).</summary>
        public async Task SendAsync(byte[] bytes, bool byteByByte = false)
        {
            if (!byteByByte)
            {
                await _stream.WriteAsync(bytes);
                return;
            }

            foreach (var b in bytes)
            {
                await _stream.WriteAsync(new[] { b });
                await _stream.FlushAsync();
                await Task.Yield();
            }
        }

        /// <summary>A response's head and its body (by its length, or to the last chunk); a 101 has none.</summary>
        public async Task<string> ReadResponseAsync()
        {
            int end;
            while ((end = IndexOf("\r\n\r\n"u8)) < 0)
            {
                await FillAsync();
            }

            var head = Encoding.ASCII.GetString([.. _received[..(end + 4)]]);
            var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            {
                int last;
                while ((last = IndexOf("\r\n0\r\n\r\n"u8)) < 0)
                {
                    await FillAsync();
                }

                length = last + 7 - (end + 4);
            }

            while (_received.Count < end + 4 + length)
            {
                await FillAsync();
            }

            var response = Encoding.UTF8.GetString([.. _received[..(end + 4 + length)]]);
            _received.RemoveRange(0, end + 4 + length);
            return response;
        }

        /// <summary>The next server frame: unmasked, unfragmented text (RFC 6455 §5.2).</summary>
        public async Task<JsonElement> ReadFrameAsync()
        {
            while (_received.Count < 2 || _received.Count < HeaderLength() + PayloadLength())
            {
                await FillAsync();
            }

            Assert.Equal(0x81, _received[0]);
            var total = HeaderLength() + PayloadLength();
            var payload = _received[HeaderLength()..total].ToArray();
            _received.RemoveRange(0, total);
            return JsonDocument.Parse(payload).RootElement;
        }

        public void Dispose() => _tcp.Dispose();

        private int HeaderLength() => (_received[1] & 0x7f) == 126 ? 4 : 2;

        private int PayloadLength() => (_received[1] & 0x7f) switch
        {
            126 when _received.Count >= 4 => (_received[2] << 8) | _received[3],
            126 => int.MaxValue / 2,
            var small => small,
        };

        private int IndexOf(ReadOnlySpan<byte> value) => ((ReadOnlySpan<byte>)[.. _received]).IndexOf(value);

        /// <summary>What else arrives until the server closes the connection.</summary>
        public async Task<string> ReadToCloseAsync()
        {
            using var timeout = new CancellationTokenSource(ChatSocket.Patience);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await _stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                _received.AddRange(buffer.AsSpan(0, read));
            }

            var rest = Encoding.ASCII.GetString([.. _received]);
            _received.Clear();
            return rest;
        }

        private async Task FillAsync()
        {
            using var timeout = new CancellationTokenSource(ChatSocket.Patience);
            var buffer = new byte[16 * 1024];
            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new Xunit.Sdk.XunitException("the server closed the connection; received: " + Encoding.ASCII.GetString([.. _received]));
            }

            _received.AddRange(buffer.AsSpan(0, read));
        }
    }
}
