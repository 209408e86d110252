using System.Text.Json;

namespace Worldloom.Forge.Tests.Cli;

[Trait("Category", "Cli")]
public sealed class BenchStoriesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loom-bench-stories-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task BenchStories_QuickRun_EndsWithJsonSummary_AndKeepsAPlayableScene()
    {
        // The contract (last stdout line is the JSON summary, every segment made), not the figures: speed lives in the
        // bench's own runs, never in a test.
        var run = await Loom.RunAsync(_dir, "bench", "stories", "--segments", "2", "--width", "320", "--height", "180", "--fps", "8", "--duration", "3", "--keep", "scene");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonDocument.Parse(run.Stdout.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("stories", json.GetProperty("bench").GetString());
        Assert.Equal(2, json.GetProperty("made").GetInt32());
        Assert.Equal(1.0, json.GetProperty("success_rate").GetDouble());
        foreach (var field in new[] { "seconds_per_segment", "seconds_per_video_second", "frames_per_second", "realtime_ratio", "seconds_per_10s_video" })
        {
            Assert.True(json.GetProperty(field).GetDouble() > 0, field);
        }

        var segments = json.GetProperty("per_segment").EnumerateArray().ToList();
        Assert.Equal([1, 2], segments.Select(s => s.GetProperty("index").GetInt32()));
        var video = segments.Sum(s => s.GetProperty("video_seconds").GetDouble());
        Assert.Equal(video, json.GetProperty("video_seconds").GetDouble(), 3);

        // The kept scene is a real story directory: loom story continue takes it further.
        Assert.True(File.Exists(Path.Combine(_dir, "scene", "scene.m3u8")));
        var more = await Loom.RunAsync(_dir, "story", "continue", "scene", "--prompt", "Mira rests by the river at night.");
        Assert.True(more.ExitCode == 0, more.ToString());
        Assert.StartsWith("segment 3 ", more.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchStories_BadSize_ExitsTwoNamingTheOption()
    {
        var run = await Loom.RunAsync(_dir, "bench", "stories", "--width", "333");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--width: must be an even number", run.Stderr, StringComparison.Ordinal);
    }
}
