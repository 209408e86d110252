using System.Text.Json;
using Worldloom.Tests.Shared;

namespace Worldloom.Forge.Tests.Cli;

/// <summary>
/// <c>loom story new|continue</c> run as the real CLI, with tiny renders (320×180, 8 fps, 3-second segments) for speed;
/// ffprobe is the independent check of what was written.
/// </summary>
[Trait("Category", "Cli")]
public sealed class StoryCommandTests : IDisposable
{
    // Mira and Tomas at the tower; Tomas dies after segment 2, so a later prompt that gives him a line is a contradiction.
    private const string Bible = """
        {"entities":[{"aliases":["Mira"],"attributes":{"hair":"black","pronouns":"she","voice":"gruff"},"clothing":[{"colour":"red","item":"cloak"}],"id":"char_mira","items":["silver locket"],"name":"Mira Vell","temperament":["brave","curious"]},
                     {"aliases":["Tomas"],"attributes":{"hair":"auburn","pronouns":"he"},"clothing":[{"colour":"blue","item":"coat"}],"id":"char_tomas","name":"Tomas Brand"},
                     {"aliases":["the tower"],"attributes":{"biome":"grassland"},"id":"loc_tower","landmarks":["broken bell tower"],"name":"The Old Tower","palette":["grey","green"]}],
         "format":"worldloom-bible/1",
         "rules":[{"id":"cloak","text":"char_mira always wears red cloak"},{"id":"tomas_fate","text":"char_tomas is dead after segment 2"}]}
        """;

    private static readonly string[] Small = ["--width", "320", "--height", "180", "--fps", "8", "--duration", "3"];

    private readonly string _dir = Directory.CreateTempSubdirectory("loom-story-").FullName;

    public StoryCommandTests() => File.WriteAllText(At("bible.json"), Bible);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(params string[] names) => Path.Combine([_dir, .. names]);

    private Task<Loom.Run> Loom(params string[] args) => Cli.Loom.RunAsync(_dir, args);

    private Task<Loom.Run> NewStory(string prompt = "Mira meets Tomas at the tower at dusk.") =>
        Loom(["story", "new", "--prompt", prompt, "--bible", "bible.json", "--seed", "7", "--out", "s", .. Small]);

    [Fact]
    public async Task NewThenContinue_RendersEachSegment_AndStitchesTheScene()
    {
        var first = await NewStory();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("segment 1 ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("render", first.Stderr, StringComparison.Ordinal);
        foreach (var file in new[] { "story.json", "bible.json", "scene.m3u8", "scene_video.m3u8", "scene_subtitles.m3u8" })
        {
            Assert.True(File.Exists(At("s", file)), file);
        }

        foreach (var file in new[] { "master.m3u8", "video.m3u8", "video_000.ts", "subtitles.vtt", "poster.png", "plan.json", "continuity.json" })
        {
            Assert.True(File.Exists(At("s", "segment_001", file)), file);
        }

        var second = await Loom("story", "continue", "s", "--prompt", "Mira climbs the tower in the rain while Tomas keeps watch.");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("scene ", second.Stdout, StringComparison.Ordinal);

        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(At("s", "story.json")));
        var segments = manifest.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(2, segments.Count);
        Assert.Equal("segment_002", segments[1].GetProperty("directory").GetString());
        Assert.Contains("Mira", segments[0].GetProperty("summary").GetString(), StringComparison.Ordinal);

        long total = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var expectedMs = segments[i].GetProperty("durationMs").GetInt64();
            total += expectedMs;
            var probe = Media.Probe(At("s", $"segment_{i + 1:000}", "video.m3u8"));
            var stream = Assert.Single(probe.GetProperty("streams").EnumerateArray());
            Assert.Equal("h264", stream.GetProperty("codec_name").GetString());
            Assert.Equal(320, stream.GetProperty("width").GetInt32());
            Assert.Equal(180, stream.GetProperty("height").GetInt32());
            Assert.InRange(Media.Duration(probe), expectedMs / 1000.0 - 0.2, expectedMs / 1000.0 + 0.2);
        }

        var stitched = Media.Probe(At("s", "scene_video.m3u8"));
        Assert.Equal("h264", Assert.Single(stitched.GetProperty("streams").EnumerateArray()).GetProperty("codec_name").GetString());
        Assert.InRange(Media.Duration(stitched), total / 1000.0 - 0.4, total / 1000.0 + 0.4);
        var video = await File.ReadAllTextAsync(At("s", "scene_video.m3u8"));
        Assert.Contains("#EXT-X-DISCONTINUITY", video, StringComparison.Ordinal);
        Assert.Contains("segment_001/video_000.ts", video, StringComparison.Ordinal);
        Assert.Contains("segment_002/video_000.ts", video, StringComparison.Ordinal);
        Assert.Contains("segment_002/subtitles.vtt", await File.ReadAllTextAsync(At("s", "scene_subtitles.m3u8")), StringComparison.Ordinal);

        // The stitched master plays as the one H.264 rendition (the subtitle track is not auto-selected).
        var master = Media.Probe(At("s", "scene.m3u8"));
        Assert.Equal("h264", Assert.Single(master.GetProperty("streams").EnumerateArray()).GetProperty("codec_name").GetString());
        Assert.InRange(Media.Duration(master), total / 1000.0 - 0.4, total / 1000.0 + 0.4);
    }

    [Fact]
    public async Task Continue_PromptThatContradictsTheBible_IsBlockedNamingTheRule_AndWritesNothing()
    {
        Assert.Equal(0, (await NewStory()).ExitCode);
        Assert.Equal(0, (await Loom("story", "continue", "s", "--prompt", "Mira and Tomas walk round the tower.")).ExitCode);
        var before = await File.ReadAllBytesAsync(At("s", "story.json"));
        var playlist = await File.ReadAllBytesAsync(At("s", "scene_video.m3u8"));

        var run = await Loom("story", "continue", "s", "--prompt", "Tomas speaks to Mira at the tower.");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("blocked by rule 'tomas_fate' (char_tomas is dead after segment 2)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(At("s", "story.json")));
        Assert.Equal(playlist, await File.ReadAllBytesAsync(At("s", "scene_video.m3u8")));
        Assert.False(Directory.Exists(At("s", "segment_003")));
        Assert.Empty(Directory.GetDirectories(At("s"), ".*"));
    }

    [Theory]
    [InlineData("--prompt: must not be empty", "story", "new", "--prompt", "  ", "--out", "x")]
    [InlineData("--world, --bible: give one", "story", "new", "--prompt", "Mira waits.", "--world", "w.json", "--bible", "bible.json", "--out", "x")]
    [InlineData("--bible: missing.json: no such file", "story", "new", "--prompt", "Mira waits.", "--bible", "missing.json", "--out", "x")]
    [InlineData("--world: w.json: no such file", "story", "new", "--prompt", "Mira waits.", "--world", "w.json", "--out", "x")]
    [InlineData("--width: must be an even number", "story", "new", "--prompt", "Mira waits.", "--width", "321", "--out", "x")]
    [InlineData("--duration: must be from 3 to 30 seconds", "story", "new", "--prompt", "Mira waits.", "--duration", "90", "--out", "x")]
    [InlineData("x: no such directory", "story", "continue", "x", "--prompt", "Mira waits.")]
    public async Task BadInput_ExitsTwoNamingTheOption_AndWritesNothing(string message, params string[] args)
    {
        var run = await Loom(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(At("x")));
    }

    [Fact]
    public async Task Continue_DirectoryThatIsNoStory_Fails()
    {
        Directory.CreateDirectory(At("plain"));

        var run = await Loom("story", "continue", "plain", "--prompt", "Mira waits.");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("plain is not a story directory (no story.json)", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(At("plain")));
    }

    [Fact]
    public async Task New_IntoAStoryThatExists_Fails_AndContinue_WithABlankPrompt_Fails()
    {
        Assert.Equal(0, (await NewStory()).ExitCode);
        var before = await File.ReadAllBytesAsync(At("s", "story.json"));

        var again = await NewStory();
        var blank = await Loom("story", "continue", "s", "--prompt", "");

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("--out: s already holds files", again.Stderr, StringComparison.Ordinal);
        Assert.True(blank.ExitCode == 2, blank.ToString());
        Assert.Contains("--prompt: must not be empty", blank.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(At("s", "story.json")));
    }

    [Fact]
    public async Task New_WithAForgeWorld_SeedsTheBibleFromIt()
    {
        Assert.Equal(0, (await Loom("world", "generate", "--seed", "5", "--size", "128", "--out", "w.json")).ExitCode);

        var run = await Loom(["story", "new", "--prompt", "A traveller reaches the town at dawn.", "--world", "w.json", "--out", "s", .. Small]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var bible = JsonDocument.Parse(await File.ReadAllBytesAsync(At("s", "bible.json")));
        var ids = bible.RootElement.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Contains(ids, id => id.StartsWith("loc_", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("char_", StringComparison.Ordinal));
    }
}
