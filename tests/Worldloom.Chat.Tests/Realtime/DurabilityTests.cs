using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Cluster;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>
/// kill -9 under load: a real <c>loom serve</c> on its embedded SQLite is killed while clients pipeline sends; after a
/// restart on the same data every acknowledged message is there, once. Runs in the SQLite pass (the embedded default).
/// </summary>
[Trait("Category", "Durability")]
public sealed class DurabilityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillNine_UnderLoad_EveryAcknowledgedMessageSurvivesTheRestart()
    {
        var data = Path.Combine(Path.GetTempPath(), "loom-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        try
        {
            var (server, url) = Start(data);
            var acked = new ConcurrentDictionary<string, Guid>();
            Guid room;
            Guid aliceId;
            string email;
            await using (server)
            {
                await server.WaitHealthyAsync(url, Patience);
                var alice = await RemoteChat.UserAsync(url);
                aliceId = alice.Id;
                email = alice.Email;
                using var created = await alice.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Durable", kind = "public" });
                room = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

                // Four connections, each keeping up to 32 sends in flight, until well after the kill.
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WriteAsync(url, alice.Token, room, w, acked, stop.Token))).ToList();
                var deadline = DateTimeOffset.UtcNow + Patience;
                while (acked.Count < 400 && DateTimeOffset.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                Assert.True(acked.Count >= 400, $"only {acked.Count} acks before the deadline.\n{server.Output}");
                await server.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            var snapshot = acked.ToDictionary();
            var (again, url2) = Start(data);
            await using (again)
            {
                await again.WaitHealthyAsync(url2, Patience);
                var alice = await RemoteChat.LoginAsync(url2, aliceId, email);
                var stored = new Dictionary<string, (Guid Id, string Body)>();
                var after = Guid.Empty;
                while (true)
                {
                    var page = await alice.Client.GetFromJsonAsync<JsonElement>($"/api/chat/rooms/{room}/messages?after={after}&limit=200");
                    foreach (var m in page.EnumerateArray())
                    {
                        // A client id appears once: no resend or replay after the crash doubled a message.
                        Assert.True(stored.TryAdd(m.GetProperty("clientId").GetString()!, (m.GetProperty("id").GetGuid(), m.GetProperty("body").GetString()!)));
                        after = m.GetProperty("id").GetGuid();
                    }

                    if (page.GetArrayLength() < 200)
                    {
                        break;
                    }
                }

                var missing = snapshot.Keys.Where(k => !stored.ContainsKey(k)).ToList();
                Assert.True(missing.Count == 0, $"{missing.Count} of {snapshot.Count} acknowledged messages are gone after kill -9, e.g. {string.Join(", ", missing.Take(5))}");
                foreach (var (clientId, id) in snapshot)
                {
                    Assert.Equal(id, stored[clientId].Id);
                    Assert.Equal("payload " + clientId, stored[clientId].Body);
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static (LoomProcess Process, Uri Url) Start(string data)
    {
        var http = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{http}");
        var process = LoomProcess.Start(
            "loom serve",
            ["serve", "--urls", url.ToString().TrimEnd('/'), "--silo-port", Text(FreePort.Next()), "--gateway-port", Text(FreePort.Next()), "--data", data],
            new Dictionary<string, string>
            {
                // Pipelined sends from one user go far beyond the default frame budget.
                ["Loom__Chat__RateLimits__ConnectionBurst"] = "100000",
                ["Loom__Chat__RateLimits__ConnectionPerSecond"] = "100000",
                ["Loom__Chat__RateLimits__UserBurst"] = "100000",
                ["Loom__Chat__RateLimits__UserPerSecond"] = "100000",
                ["Loom__RateLimits__PerUserBurst"] = "100000",
                ["Loom__RateLimits__PerUserPerSecond"] = "100000",
            });
        return (process, url);
    }

    private static async Task WriteAsync(Uri url, string token, Guid room, int writer, ConcurrentDictionary<string, Guid> acked, CancellationToken stop)
    {
        try
        {
            await using var socket = await RemoteChat.ConnectAsync(url, token);
            var inFlight = new SemaphoreSlim(32);
            var reader = Task.Run(async () =>
            {
                while (await socket.NextAsync() is { } frame)
                {
                    if (frame.GetProperty("type").GetString() == "ack")
                    {
                        acked[frame.GetProperty("clientId").GetString()!] = frame.GetProperty("messageId").GetGuid();
                        inFlight.Release();
                    }
                }
            });
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await inFlight.WaitAsync(stop);
                var clientId = $"w{writer}-{i}";
                await socket.SendAsync(new { type = "send", roomId = room, clientId, body = "payload " + clientId });
            }

            await reader;
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            // The server was killed under this writer: exactly the point.
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
