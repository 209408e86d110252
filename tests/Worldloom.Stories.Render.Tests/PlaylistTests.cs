using Worldloom.Stories.Render.Packaging;

namespace Worldloom.Stories.Render.Tests;

public sealed class PlaylistTests
{
    private const string Segment = """
        #EXTM3U
        #EXT-X-VERSION:3
        #EXT-X-TARGETDURATION:2
        #EXT-X-MEDIA-SEQUENCE:0
        #EXT-X-PLAYLIST-TYPE:VOD
        #EXTINF:2.000000,
        video_000.ts
        #EXTINF:1.500000,
        video_001.ts
        #EXT-X-ENDLIST
        """;

    private const string Longer = """
        #EXTM3U
        #EXT-X-TARGETDURATION:4
        #EXTINF:4.000000,
        video_000.ts
        #EXT-X-ENDLIST
        """;

    [Fact]
    public void A_media_playlist_parses_into_its_segments()
    {
        var playlist = MediaPlaylist.Parse(Segment);
        Assert.Equal(2, playlist.TargetDuration);
        Assert.Equal(["video_000.ts", "video_001.ts"], playlist.Entries.Select(e => e.Uri));
        Assert.Equal(3.5m, playlist.Seconds);
    }

    [Theory]
    [InlineData("#EXT-X-TARGETDURATION:2\n#EXTINF:2,\na.ts\n", "line 1")]
    [InlineData("#EXTM3U\n#EXTINF:2,\na.ts\n", "TARGETDURATION")]
    [InlineData("#EXTM3U\n#EXT-X-TARGETDURATION:2\na.ts\n", "line 3")]
    [InlineData("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:two,\na.ts\n", "no duration")]
    [InlineData("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n", "master playlist")]
    [InlineData("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-ENDLIST\n", "no media segments")]
    public void A_broken_playlist_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => MediaPlaylist.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stitching_plays_segments_in_order_with_a_discontinuity_between_them()
    {
        var text = ScenePlaylist.Stitch([new SegmentPlaylist("a/", Segment), new SegmentPlaylist("https://cdn.example/b/", Longer), new SegmentPlaylist("", Segment)]);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["a/video_000.ts", "a/video_001.ts", "#EXT-X-DISCONTINUITY", "https://cdn.example/b/video_000.ts", "#EXT-X-DISCONTINUITY", "video_000.ts", "video_001.ts"],
            lines.Where(l => !l.StartsWith("#EXTINF", StringComparison.Ordinal) && (!l.StartsWith('#') || l == "#EXT-X-DISCONTINUITY")));
        Assert.Contains("#EXT-X-TARGETDURATION:4", lines);
        Assert.Equal("#EXT-X-ENDLIST", lines[^1]);
        var again = MediaPlaylist.Parse(text);
        Assert.Equal(11m, again.Seconds);
    }

    [Fact]
    public void A_fork_references_its_parents_media_and_adds_its_own()
    {
        var parent = ScenePlaylist.Stitch([new SegmentPlaylist("/media/s1/", Segment), new SegmentPlaylist("/media/s2/", Segment)]);
        var fork = ScenePlaylist.Stitch([new SegmentPlaylist("/media/s1/", Segment), new SegmentPlaylist("/media/f3/", Longer)]);

        var parentUris = MediaPlaylist.Parse(parent).Entries.Select(e => e.Uri).ToList();
        var forkUris = MediaPlaylist.Parse(fork).Entries.Select(e => e.Uri).ToList();
        Assert.Equal(parentUris.Take(2), forkUris.Take(2));
        Assert.Equal(["/media/f3/video_000.ts"], forkUris.Skip(2));
    }

    [Fact]
    public void Absolute_uris_are_kept_as_they_are()
    {
        var text = ScenePlaylist.Stitch([new SegmentPlaylist("x/", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n/abs/v.ts\n#EXTINF:2.0,\nhttp://h/v.ts\n")]);
        Assert.Equal(["/abs/v.ts", "http://h/v.ts"], MediaPlaylist.Parse(text).Entries.Select(e => e.Uri));
    }

    [Fact]
    public void Stitching_nothing_or_a_bad_part_names_the_problem()
    {
        Assert.Contains("at least one segment", Assert.Throws<ArgumentException>(() => ScenePlaylist.Stitch([])).Message, StringComparison.Ordinal);
        Assert.Contains("segments[0].baseUri", Assert.Throws<ArgumentException>(() => ScenePlaylist.Stitch([new SegmentPlaylist("a", Segment)])).Message, StringComparison.Ordinal);
        Assert.StartsWith("segments[1].playlist", Assert.Throws<FormatException>(() => ScenePlaylist.Stitch([new SegmentPlaylist("", Segment), new SegmentPlaylist("", "nonsense")])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_master_playlist_pairs_video_and_subtitles()
    {
        var master = ScenePlaylist.Master("video.m3u8", "subtitles.m3u8", 1280, 720, 900_000);
        Assert.Contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\"", master, StringComparison.Ordinal);
        Assert.Contains("URI=\"subtitles.m3u8\"", master, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=1280x720,CODECS=\"avc1.640028\",SUBTITLES=\"subs\"\nvideo.m3u8\n", master, StringComparison.Ordinal);
        Assert.DoesNotContain("SUBTITLES", ScenePlaylist.Master("video.m3u8", null, 1280, 720, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void WebVtt_times_and_text_are_written_safely()
    {
        Assert.Equal("01:02:03.004", WebVtt.Time(3_723_004));
        var text = WebVtt.Write([new SubtitleCue(0, 1500, "Mira", "a < b & c --> d")], 126000);
        Assert.StartsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n1\n00:00:00.000 --> 00:00:01.500\n", text, StringComparison.Ordinal);
        Assert.Contains("<v Mira>a &lt; b &amp; c --&gt; d", text, StringComparison.Ordinal);
    }
}
