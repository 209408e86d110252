using System.Text.Json;
using SkiaSharp;
using Worldloom.Stories.Render.Packaging;
using Worldloom.Stories.Render.Storyboard;
using Worldloom.Tests.Shared;

namespace Worldloom.Stories.Render.Tests;

public sealed class StoryboardVideoTests
{
    [Fact]
    public async Task A_short_plan_becomes_h264_hls_of_the_plans_length()
    {
        using var temp = new TempFolder();
        var directory = temp.Path;
        var segment = await new StoryboardVideoProvider(Plans.Small).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, directory), null, CancellationToken.None);

        Assert.Equal(48, segment.FrameCount);
        Assert.Equal(4000, segment.DurationMs);
        var probe = Media.Probe(Path.Combine(directory, segment.VideoPlaylist));
        var streams = probe.GetProperty("streams").EnumerateArray().ToList();
        var video = Assert.Single(streams);
        Assert.Equal("video", video.GetProperty("codec_type").GetString());
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal(320, video.GetProperty("width").GetInt32());
        Assert.Equal(180, video.GetProperty("height").GetInt32());
        Assert.Equal("12/1", video.GetProperty("r_frame_rate").GetString());
        Assert.InRange(Media.Duration(probe), 3.9, 4.1);

        // 4 s in 2 s media segments, each a playable MPEG-TS with one video stream.
        Assert.Equal(2, segment.MediaSegments.Count);
        var playlist = MediaPlaylist.Parse(await File.ReadAllTextAsync(Path.Combine(directory, segment.VideoPlaylist)));
        Assert.All(playlist.Entries, e => Assert.InRange(e.Seconds, 1.9m, 2.1m));
        foreach (var file in segment.MediaSegments)
        {
            var part = Media.Probe(Path.Combine(directory, file));
            Assert.Equal("h264", Assert.Single(part.GetProperty("streams").EnumerateArray()).GetProperty("codec_name").GetString());
        }

        // The subtitle rendition is an HLS playlist of its own with one WebVTT stream over the same length.
        var subtitles = Media.Probe(Path.Combine(directory, segment.SubtitlePlaylist));
        var text = Assert.Single(subtitles.GetProperty("streams").EnumerateArray());
        Assert.Equal(("subtitle", "webvtt"), (text.GetProperty("codec_type").GetString(), text.GetProperty("codec_name").GetString()));
        Assert.InRange(Media.Duration(subtitles), 3.9, 4.1);

        Assert.All(segment.Files, f => Assert.True(File.Exists(Path.Combine(directory, f.Name)), f.Name));
    }

    [Fact]
    public async Task A_real_segment_is_720p_at_24_fps()
    {
        using var temp = new TempFolder();
        var directory = temp.Path;
        var segment = await new StoryboardVideoProvider(new RenderOptions()).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, directory), null, CancellationToken.None);

        var probe = Media.Probe(Path.Combine(directory, segment.VideoPlaylist), "-count_frames");
        var video = Assert.Single(probe.GetProperty("streams").EnumerateArray());
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal(1280, video.GetProperty("width").GetInt32());
        Assert.Equal(720, video.GetProperty("height").GetInt32());
        Assert.Equal("24/1", video.GetProperty("r_frame_rate").GetString());
        Assert.Equal("yuv420p", video.GetProperty("pix_fmt").GetString());
        Assert.Equal(("tv", "bt709", "bt709", "iec61966-2-1"), (video.GetProperty("color_range").GetString(), video.GetProperty("color_space").GetString(), video.GetProperty("color_primaries").GetString(), video.GetProperty("color_transfer").GetString()));
        Assert.Equal("High", video.GetProperty("profile").GetString());
        Assert.Equal(40, video.GetProperty("level").GetInt32());
        Assert.Equal("96", video.GetProperty("nb_read_frames").GetString());
        Assert.InRange(Media.Duration(probe), 3.95, 4.05);

        var master = await File.ReadAllTextAsync(Path.Combine(directory, segment.MasterPlaylist));
        Assert.Contains("RESOLUTION=1280x720", master, StringComparison.Ordinal);
        Assert.Contains("TYPE=SUBTITLES", master, StringComparison.Ordinal);
        using var poster = SKBitmap.Decode(Path.Combine(directory, segment.Poster));
        Assert.Equal((1280, 720), (poster.Width, poster.Height));
    }

    [Fact]
    public async Task The_subtitle_track_has_each_line_for_its_shot()
    {
        using var temp = new TempFolder();
        var directory = temp.Path;
        var segment = await new StoryboardVideoProvider(Plans.Small).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, directory), null, CancellationToken.None);

        // ffmpeg's own WebVTT reader parses the file; SRT is its plain rendering of the cues.
        var srt = Media.Run("ffmpeg", ["-v", "error", "-i", Path.Combine(directory, segment.Subtitles), "-f", "srt", "-"]);
        var blocks = srt.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, blocks.Length);
        Assert.Contains("00:00:00,000 --> 00:00:02,000", blocks[0], StringComparison.Ordinal);
        Assert.Contains("The bell has not rung in years.", blocks[0], StringComparison.Ordinal);
        Assert.Contains("00:00:02,000 --> 00:00:04,000", blocks[1], StringComparison.Ordinal);
        Assert.Contains("You came back <alone>?", System.Net.WebUtility.HtmlDecode(blocks[1]), StringComparison.Ordinal);

        // The cue clock is tied to the video's first timestamp, read from the first media segment.
        var vtt = await File.ReadAllTextAsync(Path.Combine(directory, segment.Subtitles));
        var start = Media.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=start_pts", "-of", "csv=p=0", Path.Combine(directory, segment.MediaSegments[0])]).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        Assert.Contains($"X-TIMESTAMP-MAP=MPEGTS:{start},LOCAL:00:00:00.000", vtt, StringComparison.Ordinal);
        var subtitles = MediaPlaylist.Parse(await File.ReadAllTextAsync(Path.Combine(directory, segment.SubtitlePlaylist)));
        Assert.Equal(segment.Subtitles, Assert.Single(subtitles.Entries).Uri);
        Assert.Equal(4m, subtitles.Seconds);
    }

    [Fact]
    public async Task Poster_and_thumbnails_are_frames_of_the_segment()
    {
        using var temp = new TempFolder();
        var directory = temp.Path;
        var segment = await new StoryboardVideoProvider(Plans.Small).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, directory), null, CancellationToken.None);

        using var poster = SKBitmap.Decode(Path.Combine(directory, segment.Poster));
        Assert.Equal((320, 180), (poster.Width, poster.Height));
        Assert.Equal(2, segment.Thumbnails.Count);
        foreach (var name in segment.Thumbnails)
        {
            using var thumbnail = SKBitmap.Decode(Path.Combine(directory, name));
            Assert.Equal((160, 90), (thumbnail.Width, thumbnail.Height));
        }

        // The second thumbnail is the middle of the dusk shot at the river: not the same picture as the first.
        using var first = SKBitmap.Decode(Path.Combine(directory, segment.Thumbnails[0]));
        using var second = SKBitmap.Decode(Path.Combine(directory, segment.Thumbnails[1]));
        Assert.NotEqual(first.GetPixel(80, 10), second.GetPixel(80, 10));
    }

    [Fact]
    public async Task Progress_counts_frames_up_to_the_total()
    {
        using var temp = new TempFolder();
        var log = new ProgressLog();
        await new StoryboardVideoProvider(Plans.Small).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, temp.Path), log, CancellationToken.None);

        Assert.NotEmpty(log.Reports);
        Assert.All(log.Reports, r => Assert.Equal(48, r.FramesTotal));
        Assert.Equal(log.Reports.Select(r => r.FramesDone).Order(), log.Reports.Select(r => r.FramesDone));
        Assert.Equal(48, log.Reports[^1].FramesDone);
        Assert.Equal(100, log.Reports[^1].Percent);
    }

    [Fact]
    public async Task Stitched_segments_play_as_one_scene()
    {
        using var temp = new TempFolder();
        var scene = temp.Path;
        var provider = new StoryboardVideoProvider(Plans.Small);
        var first = await provider.RenderAsync(new VideoRequest(Plans.TwoShots(1), Plans.Bible, Path.Combine(scene, "seg1")), null, CancellationToken.None);
        var second = await provider.RenderAsync(new VideoRequest(Plans.TwoShots(2), Plans.Bible, Path.Combine(scene, "seg2")), null, CancellationToken.None);

        var video = ScenePlaylist.Stitch(
        [
            new SegmentPlaylist("seg1/", await File.ReadAllTextAsync(Path.Combine(first.Directory, first.VideoPlaylist))),
            new SegmentPlaylist("seg2/", await File.ReadAllTextAsync(Path.Combine(second.Directory, second.VideoPlaylist))),
        ]);
        var subtitles = ScenePlaylist.Stitch(
        [
            new SegmentPlaylist("seg1/", await File.ReadAllTextAsync(Path.Combine(first.Directory, first.SubtitlePlaylist))),
            new SegmentPlaylist("seg2/", await File.ReadAllTextAsync(Path.Combine(second.Directory, second.SubtitlePlaylist))),
        ]);
        await File.WriteAllTextAsync(Path.Combine(scene, "video.m3u8"), video);
        await File.WriteAllTextAsync(Path.Combine(scene, "subtitles.m3u8"), subtitles);
        await File.WriteAllTextAsync(Path.Combine(scene, "master.m3u8"), ScenePlaylist.Master("video.m3u8", "subtitles.m3u8", 320, 180, Math.Max(first.Bandwidth, second.Bandwidth)));

        Assert.Equal(1, video.Split('\n').Count(l => l == "#EXT-X-DISCONTINUITY"));
        Assert.Equal(1, subtitles.Split('\n').Count(l => l == "#EXT-X-DISCONTINUITY"));

        // ffprobe reads every frame of both segments through the stitched playlist.
        var probe = Media.Probe(Path.Combine(scene, "video.m3u8"), "-count_frames");
        var stream = Assert.Single(probe.GetProperty("streams").EnumerateArray());
        Assert.Equal("h264", stream.GetProperty("codec_name").GetString());
        Assert.Equal((first.FrameCount + second.FrameCount).ToString(System.Globalization.CultureInfo.InvariantCulture), stream.GetProperty("nb_read_frames").GetString());
        Assert.InRange(Media.Duration(probe), 7.9, 8.1);
        var stitchedText = Media.Probe(Path.Combine(scene, "subtitles.m3u8"));
        Assert.Equal("webvtt", Assert.Single(stitchedText.GetProperty("streams").EnumerateArray()).GetProperty("codec_name").GetString());
        Assert.InRange(Media.Duration(stitchedText), 7.9, 8.1);
        var master = Media.Probe(Path.Combine(scene, "master.m3u8"));
        Assert.Contains(master.GetProperty("streams").EnumerateArray(), s => s.GetProperty("codec_name").GetString() == "h264");
    }

    [Fact]
    public async Task A_plan_that_cannot_be_drawn_fails_before_writing_anything()
    {
        using var temp = new TempFolder();
        var directory = temp["out"];
        var plan = Plans.TwoShots() with { Shots = [] };

        var error = await Assert.ThrowsAsync<InvalidShotPlanException>(() =>
            new StoryboardVideoProvider(Plans.Small).RenderAsync(new VideoRequest(plan, Plans.Bible, directory), null, CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == "shots");
        Assert.Contains("a segment has 1 to", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task Bad_options_are_named()
    {
        using var temp = new TempFolder();
        var options = Plans.Small with { Width = 321, HlsSegmentSeconds = 6 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new StoryboardVideoProvider(options).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, temp.Path), null, CancellationToken.None));

        Assert.Contains("width: must be an even number", error.Message, StringComparison.Ordinal);
        Assert.Contains("hlsSegmentSeconds: must be from 2 to 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_encoder_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var options = Plans.Small with { Ffmpeg = "/nonexistent/ffmpeg" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new StoryboardVideoProvider(options).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, temp.Path), null, CancellationToken.None));

        Assert.Contains("install the Debian package ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_render_stops()
    {
        using var temp = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new StoryboardVideoProvider(Plans.Small).RenderAsync(new VideoRequest(Plans.TwoShots(), Plans.Bible, temp.Path), progress, cancel.Token));

        Assert.True(progress.Reports < 48, $"{progress.Reports} reports after cancelling");
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource cancel) : IProgress<RenderProgress>
    {
        public int Reports { get; private set; }

        public void Report(RenderProgress value)
        {
            Reports++;
            cancel.Cancel();
        }
    }
}
