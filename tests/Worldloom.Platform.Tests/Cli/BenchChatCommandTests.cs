using System.Diagnostics;
using System.Text.Json;

namespace Worldloom.Platform.Tests.Cli;

// Runs the real command, which starts Node.js processes (the load generator, the Socket.IO peer) and installs their
// packages with npm ci on first use. Asserts the contract (the JSON line's shape, nothing lost), never the figures.
[Trait("Category", "Cli")]
public sealed class BenchChatCommandTests
{
    private static readonly string[] Smoke = ["bench", "chat", "--clients", "50", "--rooms", "5", "--seconds", "3", "--idle", "200", "--warmup", "1s"];

    [Fact]
    public async Task BenchChat_PeerSmokeRun_EndsWithJsonSummaryAndExitsZero()
    {
        var (exitCode, stdout, stderr) = await RunLoomAsync([.. Smoke, "--servers", "Peer"]);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var json = LastLine(stdout);
        Assert.Equal("chat", json.GetProperty("bench").GetString());
        Assert.Equal(50, json.GetProperty("clients").GetInt32());
        Assert.Equal(5, json.GetProperty("rooms").GetInt32());
        Assert.False(json.TryGetProperty("ours", out _));
        AssertServer(json.GetProperty("peer"), storesMessages: false);

        // Without our server nothing can be judged; every target says so rather than claiming a verdict.
        foreach (var target in json.GetProperty("targets").EnumerateObject())
        {
            Assert.Equal(JsonValueKind.Null, target.Value.GetProperty("met").ValueKind);
        }
    }

    [Fact]
    public async Task BenchChat_SmokeRunAgainstBoth_ReportsBothServersTheRatioAndEveryTarget()
    {
        var (exitCode, stdout, stderr) = await RunLoomAsync(Smoke);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var json = LastLine(stdout);
        Assert.Equal("chat", json.GetProperty("bench").GetString());
        Assert.Equal("in-process", json.GetProperty("server").GetString());
        AssertServer(json.GetProperty("ours"), storesMessages: true);
        AssertServer(json.GetProperty("peer"), storesMessages: false);
        Assert.True(json.GetProperty("ratio").GetDouble() > 0);

        var targets = json.GetProperty("targets");
        foreach (var name in new[] { "deliveredPerSec", "p99AtHalfLoadMs", "ratioToPeer", "bytesPerIdleConnection" })
        {
            Assert.Equal(JsonValueKind.Number, targets.GetProperty(name).GetProperty("value").ValueKind);
            Assert.Contains(targets.GetProperty(name).GetProperty("met").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }

        // 200 idle connections cannot meet a target stated for 10,000, whatever they weigh.
        Assert.False(targets.GetProperty("bytesPerIdleConnection").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task BenchChat_BadOption_ExitsNonZeroNamingIt()
    {
        var (exitCode, _, stderr) = await RunLoomAsync("bench", "chat", "--idle", "-1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--idle", stderr, StringComparison.Ordinal);
    }

    internal static JsonElement LastLine(string stdout) => JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement;

    internal static void AssertServer(JsonElement server, bool storesMessages)
    {
        Assert.True(server.GetProperty("deliveredPerSec").GetDouble() > 0);
        Assert.True(server.GetProperty("p99Ms").GetDouble() > 0);
        Assert.True(server.GetProperty("p99AtHalfLoadMs").GetDouble() > 0);
        Assert.Equal(200, server.GetProperty("idleConnected").GetInt32());
        Assert.Equal(JsonValueKind.Number, server.GetProperty("bytesPerIdleConnection").ValueKind);
        Assert.Equal(0, server.GetProperty("lost").GetInt64());
        Assert.Equal(storesMessages, server.GetProperty("storesMessages").GetBoolean());
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunLoomAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "loom.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
