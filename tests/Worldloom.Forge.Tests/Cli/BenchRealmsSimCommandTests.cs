using System.Text.Json;

namespace Worldloom.Forge.Tests.Cli;

/// <summary><c>loom bench realms-sim</c> run for real with tiny numbers: the JSON contract, never the timings.</summary>
[Trait("Category", "Cli")]
public sealed class BenchRealmsSimCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loom-bench-realms-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task BenchRealmsSim_TinyRun_EndsWithJsonSummaryAndExitsZero()
    {
        var run = await Loom.RunAsync(_dir, "bench", "realms-sim", "--players", "12", "--creatures", "60", "--ticks", "30", "--warmup-ticks", "5", "--zones", "2", "--seed", "7");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonDocument.Parse(run.Stdout.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("realms-sim", json.GetProperty("bench").GetString());
        Assert.Equal("7", json.GetProperty("seed").GetString());
        Assert.Equal(2, json.GetProperty("zones").GetInt32());
        Assert.Equal(12, json.GetProperty("players").GetInt32());
        Assert.Equal(60, json.GetProperty("creatures").GetInt32());
        Assert.Equal(30, json.GetProperty("ticks").GetInt32());
        Assert.Equal(180, json.GetProperty("budget_bytes").GetInt32());
        Assert.Equal(24, json.GetProperty("radius_tiles").GetInt32());
        foreach (var spread in new[] { "zone_tick_ms", "realm_tick_ms", "zone_tick_cpu_ms", "realm_tick_cpu_ms", "bytes_per_player_s", "snapshot_bytes", "visible_per_player" })
        {
            foreach (var field in new[] { "mean", "p50", "p99", "max" })
            {
                Assert.Equal(JsonValueKind.Number, json.GetProperty(spread).GetProperty(field).ValueKind);
            }
        }

        foreach (var field in new[] { "realm_step_ms_mean", "realm_visible_ms_mean", "realm_encode_ms_mean", "cpu_ms_per_tick", "wall_ms_per_tick", "sent_per_snapshot", "deferred_per_snapshot", "events_dropped_percent", "casts", "refusals", "kicks", "crossings" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(field).ValueKind);
        }

        // Every snapshot is within the budget plus its mandatory part and the frame's headers; every player sees itself.
        Assert.InRange(json.GetProperty("snapshot_bytes").GetProperty("max").GetDouble(), 1, 400);
        Assert.True(json.GetProperty("visible_per_player").GetProperty("p50").GetDouble() >= 1);

        var zones = json.GetProperty("per_zone").EnumerateArray().ToList();
        Assert.Equal(2, zones.Count);
        Assert.Equal(12, zones.Sum(z => z.GetProperty("players").GetInt32()));
        Assert.Equal(60, zones.Sum(z => z.GetProperty("creatures").GetInt32()));

        var targets = json.GetProperty("targets_met");
        foreach (var field in new[] { "zone_tick_p99_under_10ms", "realm_tick_p99_under_10ms", "zone_tick_cpu_p99_under_10ms", "realm_tick_cpu_p99_under_10ms", "bytes_per_player_p99_under_4kb_s" })
        {
            Assert.Contains(targets.GetProperty(field).ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }
    }

    [Fact]
    public async Task BenchRealmsSim_SameSeed_SameWorkload()
    {
        // Timings differ run to run; what the bots did and what they were sent does not.
        string[] args = ["bench", "realms-sim", "--players", "6", "--creatures", "30", "--ticks", "20", "--warmup-ticks", "0", "--zones", "1", "--seed", "9"];
        var a = JsonDocument.Parse((await Loom.RunAsync(_dir, args)).Stdout.TrimEnd().Split('\n')[^1]).RootElement;
        var b = JsonDocument.Parse((await Loom.RunAsync(_dir, args)).Stdout.TrimEnd().Split('\n')[^1]).RootElement;

        foreach (var field in new[] { "casts", "refusals", "crossings" })
        {
            Assert.Equal(a.GetProperty(field).GetInt32(), b.GetProperty(field).GetInt32());
        }

        Assert.Equal(a.GetProperty("bytes_per_player_s").GetRawText(), b.GetProperty("bytes_per_player_s").GetRawText());
    }

    [Theory]
    [InlineData("--players", "0", "--players must be at least 1")]
    [InlineData("--zones", "0", "--zones must be between 1 and 1024")]
    [InlineData("--budget", "-1", "--budget must be 0 or more")]
    [InlineData("--loss", "95", "--loss must be at most 90")]
    [InlineData("--ticks", "0", "--ticks must be at least 1")]
    public async Task BenchRealmsSim_BadOption_ExitsNonZeroNamingIt(string option, string value, string message)
    {
        var run = await Loom.RunAsync(_dir, "bench", "realms-sim", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }
}
