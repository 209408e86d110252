using Worldloom.Stories.Render.Packaging;

namespace Worldloom.Stories.Render;

/// <summary>
/// A rendered, packaged segment: every file it wrote, by name relative to <see cref="Directory"/> (playlists refer
/// to each other by these relative names, so the set can be stored under any prefix and still play).
/// </summary>
public sealed record VideoSegment
{
    /// <summary>Where the files are.</summary>
    public required string Directory { get; init; }

    /// <summary>The provider that made it.</summary>
    public required string Provider { get; init; }

    /// <summary>The master playlist: the video rendition and the subtitle track.</summary>
    public required string MasterPlaylist { get; init; }

    /// <summary>The video media playlist (what a scene playlist stitches).</summary>
    public required string VideoPlaylist { get; init; }

    /// <summary>The MPEG-TS media segments, in order.</summary>
    public required IReadOnlyList<string> MediaSegments { get; init; }

    /// <summary>The subtitle media playlist.</summary>
    public required string SubtitlePlaylist { get; init; }

    /// <summary>The WebVTT file.</summary>
    public required string Subtitles { get; init; }

    /// <summary>The poster, a full-size PNG.</summary>
    public required string Poster { get; init; }

    /// <summary>One JPEG thumbnail per shot, in shot order.</summary>
    public required IReadOnlyList<string> Thumbnails { get; init; }

    /// <summary>The subtitle cues written.</summary>
    public required IReadOnlyList<SubtitleCue> Cues { get; init; }

    /// <summary>Length in milliseconds (frames ÷ fps).</summary>
    public required long DurationMs { get; init; }

    /// <summary>Frames encoded.</summary>
    public required int FrameCount { get; init; }

    /// <summary>Frame width.</summary>
    public required int Width { get; init; }

    /// <summary>Frame height.</summary>
    public required int Height { get; init; }

    /// <summary>Frames per second.</summary>
    public required int Fps { get; init; }

    /// <summary>Peak bits per second over the media segments (the master playlist's BANDWIDTH).</summary>
    public required long Bandwidth { get; init; }

    /// <summary>Every file with its MIME type, playlists first.</summary>
    public IEnumerable<SegmentFile> Files =>
        new[] { MasterPlaylist, VideoPlaylist, SubtitlePlaylist }.Select(n => new SegmentFile(n, Packaging.MediaPlaylist.ContentType))
            .Concat(MediaSegments.Select(n => new SegmentFile(n, "video/mp2t")))
            .Append(new SegmentFile(Subtitles, "text/vtt"))
            .Append(new SegmentFile(Poster, "image/png"))
            .Concat(Thumbnails.Select(n => new SegmentFile(n, "image/jpeg")));
}
