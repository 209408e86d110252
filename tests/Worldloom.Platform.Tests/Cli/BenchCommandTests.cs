using System.Diagnostics;
using System.Text.Json;

namespace Worldloom.Platform.Tests.Cli;

[Trait("Category", "Cli")]
public sealed class BenchCommandTests
{
    [Fact]
    public async Task BenchApi_ShortRun_EndsWithJsonSummaryAndExitsZero()
    {
        // A tiny run: the point is the contract (last stdout line is the JSON summary), not the figures.
        var (exitCode, stdout, stderr) = await RunLoomAsync(
            "bench", "api", "--rate", "40", "--duration", "1s", "--warmup", "0", "--users", "2", "--concurrency", "4");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var last = stdout.TrimEnd().Split('\n')[^1];
        var json = JsonDocument.Parse(last).RootElement;
        Assert.Equal("api", json.GetProperty("bench").GetString());
        Assert.Equal(40, json.GetProperty("target_rps").GetInt32());
        Assert.Equal(40, json.GetProperty("requests").GetInt64());
        Assert.Equal(0, json.GetProperty("errors").GetInt64());
        Assert.Equal(0, json.GetProperty("non2xx").GetInt64());
        Assert.Equal(0, json.GetProperty("baseline_failures").GetInt64());
        Assert.True(json.GetProperty("p95_ms").GetDouble() > 0);
        Assert.Equal("in-process", json.GetProperty("server").GetString());
    }

    [Fact]
    public async Task BenchApi_BadDuration_ExitsNonZeroNamingTheOption()
    {
        var (exitCode, _, stderr) = await RunLoomAsync("bench", "api", "--duration", "soon");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--duration", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunLoomAsync(params string[] args)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
