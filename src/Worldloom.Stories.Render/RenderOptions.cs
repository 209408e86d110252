using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Render;

/// <summary>
/// How a segment is rendered and packaged. The defaults are the product's: 1280×720, 24 fps, 2-second HLS segments.
/// Tests shrink the size and frame rate for speed; the picture is laid out in 1280×720 design units and scaled, so a
/// small render shows the same picture.
/// </summary>
public sealed record RenderOptions
{
    /// <summary>Frame width in pixels (even).</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height in pixels (even).</summary>
    public int Height { get; init; } = 720;

    /// <summary>Frames per second.</summary>
    public int Fps { get; init; } = 24;

    /// <summary>Target length of one HLS media segment, in seconds (2 to 4).</summary>
    public int HlsSegmentSeconds { get; init; } = 2;

    /// <summary>Length of a crossfade between shots in different settings, in milliseconds (0: always cut).</summary>
    public int CrossfadeMs { get; init; } = 500;

    /// <summary>Whether dialogue is drawn into the picture as well as written to the WebVTT track.</summary>
    public bool BurnInSubtitles { get; init; } = true;

    /// <summary>Whether each shot's number and description are drawn at the top left (the storyboard caption).</summary>
    public bool Captions { get; init; } = true;

    /// <summary>The x264 preset; faster presets trade file size for encoding time.</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>The x264 constant rate factor (lower is better quality and bigger files).</summary>
    public int Crf { get; init; } = 23;

    /// <summary>Width of the thumbnails (one per shot); the height follows the frame's aspect.</summary>
    public int ThumbnailWidth { get; init; } = 320;

    /// <summary>The ffmpeg executable (a name on PATH or a full path).</summary>
    public string Ffmpeg { get; init; } = "ffmpeg";

    /// <summary>The ffprobe executable (a name on PATH or a full path).</summary>
    public string Ffprobe { get; init; } = "ffprobe";

    /// <summary>Every problem of these options; empty when they are usable.</summary>
    public IReadOnlyList<ParameterError> Check()
    {
        var errors = new List<ParameterError>();
        if (Width is < 64 or > 3840 || Width % 2 != 0)
        {
            errors.Add(new("width", $"must be an even number from 64 to 3840; got {Width}."));
        }

        if (Height is < 36 or > 2160 || Height % 2 != 0)
        {
            errors.Add(new("height", $"must be an even number from 36 to 2160; got {Height}."));
        }

        if (Fps is < 1 or > 60)
        {
            errors.Add(new("fps", $"must be from 1 to 60; got {Fps}."));
        }

        if (HlsSegmentSeconds is < 2 or > 4)
        {
            errors.Add(new("hlsSegmentSeconds", $"must be from 2 to 4; got {HlsSegmentSeconds}."));
        }

        if (CrossfadeMs is < 0 or > 2000)
        {
            errors.Add(new("crossfadeMs", $"must be from 0 to 2000; got {CrossfadeMs}."));
        }

        if (Crf is < 0 or > 51)
        {
            errors.Add(new("crf", $"must be from 0 to 51; got {Crf}."));
        }

        if (ThumbnailWidth is < 16 || ThumbnailWidth > Width)
        {
            errors.Add(new("thumbnailWidth", $"must be from 16 to the frame width; got {ThumbnailWidth}."));
        }

        return errors;
    }
}
