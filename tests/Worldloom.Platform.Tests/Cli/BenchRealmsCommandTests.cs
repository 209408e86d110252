using System.Text.Json;

namespace Worldloom.Platform.Tests.Cli;

// Runs the real command: a server in process with a generated world, the Node.js load generator, the Colyseus peer
// (their packages installed with npm ci on first use). Asserts the contract (the JSON line's shape, every bot joined
// and received snapshots), never the figures.
[Trait("Category", "Cli")]
public sealed class BenchRealmsCommandTests
{
    private static readonly string[] Smoke = ["bench", "realms", "--bots", "10", "--seconds", "3", "--warmup", "1s", "--zones", "2"];

    [Fact]
    public async Task BenchRealms_SmokeRunAgainstBoth_ReportsBothServersAndEveryTarget()
    {
        var (exitCode, stdout, stderr) = await BenchChatCommandTests.RunLoomAsync(Smoke);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var json = BenchChatCommandTests.LastLine(stdout);
        Assert.Equal("realms", json.GetProperty("bench").GetString());
        Assert.Equal(10, json.GetProperty("bots").GetInt32());
        Assert.Equal(2, json.GetProperty("zones").GetInt32());
        Assert.False(json.GetProperty("findCcu").GetBoolean());
        foreach (var name in new[] { "ours", "peer" })
        {
            var server = json.GetProperty(name);
            Assert.Equal(10, server.GetProperty("connectedBots").GetInt32());
            Assert.Equal(0, server.GetProperty("failedBots").GetInt32());
            Assert.Equal(0, server.GetProperty("droppedBots").GetInt32());
            Assert.True(server.GetProperty("ticks").GetInt32() > 0, name);
            Assert.True(server.GetProperty("tickP99Ms").GetDouble() > 0, name);
            Assert.True(server.GetProperty("bytesPerSecPerClient").GetInt64() > 0, name);
            Assert.True(server.GetProperty("framesPerSecPerClient").GetDouble() > 0, name);
            Assert.Equal(JsonValueKind.Number, server.GetProperty("serverCores").ValueKind);
            Assert.Equal(JsonValueKind.Number, server.GetProperty("generatorCores").ValueKind);
            Assert.Equal(JsonValueKind.Object, server.GetProperty("errors").ValueKind);
            Assert.False(server.TryGetProperty("ccu", out _));
        }

        // One run of both is enough for the bytes comparison; CCU needs the search, so it says it was not measured.
        var targets = json.GetProperty("targets");
        Assert.Equal(JsonValueKind.Number, targets.GetProperty("bytesShareOfPeer").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, targets.GetProperty("ccuRatioToPeer").GetProperty("met").ValueKind);

        // Ten bots cannot meet a target stated for 2,000, however light the ticks.
        Assert.False(targets.GetProperty("botsWithoutOverruns").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task BenchRealms_CcuSearchAgainstThePeer_ReportsEachStep()
    {
        var (exitCode, stdout, stderr) = await BenchChatCommandTests.RunLoomAsync(
            "bench", "realms", "--servers", "Peer", "--find-ccu", "true", "--max-bots", "10", "--step", "5", "--seconds", "2", "--warmup", "0s", "--zones", "2");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var json = BenchChatCommandTests.LastLine(stdout);
        Assert.True(json.GetProperty("findCcu").GetBoolean());
        Assert.False(json.TryGetProperty("ours", out _));
        var peer = json.GetProperty("peer");
        var steps = peer.GetProperty("ccuSteps").EnumerateArray().ToList();
        Assert.InRange(steps.Count, 1, 2);
        Assert.Equal(5, steps[0].GetProperty("bots").GetInt32());

        Assert.Contains(peer.GetProperty("ccuLimitedBy").GetString(), new[] { "server", "generator", "max-bots" });

        // The reported CCU is a step that held, or 0 when none did.
        var ccu = peer.GetProperty("ccu").GetInt32();
        Assert.Contains(ccu, steps.Where(s => s.GetProperty("held").GetBoolean() && !s.GetProperty("generatorSaturated").GetBoolean())
            .Select(s => s.GetProperty("bots").GetInt32()).Append(0));
    }

    [Fact]
    public async Task BenchRealms_BadOption_ExitsNonZeroNamingIt()
    {
        var (exitCode, _, stderr) = await BenchChatCommandTests.RunLoomAsync("bench", "realms", "--bots", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--bots", stderr, StringComparison.Ordinal);
    }
}
