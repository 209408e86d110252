using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench stories</c> prints last; see docs/benchmarks.md.</summary>
internal sealed record StoriesBenchReport
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Always <c>stories</c>.</summary>
    public string Bench { get; init; } = "stories";

    /// <summary>Segments attempted.</summary>
    public required int Segments { get; init; }

    /// <summary>Frame width.</summary>
    public required int Width { get; init; }

    /// <summary>Frame height.</summary>
    public required int Height { get; init; }

    /// <summary>Frames per second of the video.</summary>
    public required int Fps { get; init; }

    /// <summary>What each segment was asked to last.</summary>
    public required int TargetDurationSeconds { get; init; }

    /// <summary>Segments made (narrated, passed continuity, rendered, packaged).</summary>
    public required int Made { get; init; }

    /// <summary>Made ÷ attempted.</summary>
    public required double SuccessRate { get; init; }

    /// <summary>Video made, in seconds.</summary>
    public required double VideoSeconds { get; init; }

    /// <summary>Wall time of the segments made, end to end, in seconds.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Mean wall seconds per segment made.</summary>
    public required double SecondsPerSegment { get; init; }

    /// <summary>Wall seconds per second of video.</summary>
    public required double SecondsPerVideoSecond { get; init; }

    /// <summary>Frames drawn, encoded and packaged per wall second.</summary>
    public required double FramesPerSecond { get; init; }

    /// <summary>Seconds of video per wall second (above 1: faster than real time).</summary>
    [JsonPropertyName("realtime_ratio")]
    public required double RealTimeRatio { get; init; }

    /// <summary>Wall seconds for 10 seconds of video, the measure.</summary>
    [JsonPropertyName("seconds_per_10s_video")]
    public required double SecondsPer10sVideo { get; init; }

    /// <summary>Whether 10 seconds of video took under the target.</summary>
    public required bool TargetMet { get; init; }

    /// <summary>Each segment's figures.</summary>
    public required IReadOnlyList<StorySegmentFigures> PerSegment { get; init; }

    /// <summary>The machine's one-minute load average before the measured run (others' work shares the cores).</summary>
    public required double? LoadAverage { get; init; }

    /// <summary>Cores and memory of the machine.</summary>
    public required string Machine { get; init; }

    /// <summary>The one JSON line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One segment's figures.</summary>
/// <param name="Index">1-based.</param>
/// <param name="Made">Whether it was made.</param>
/// <param name="WallSeconds">End to end: narrate, validate, render, package, stitch.</param>
/// <param name="VideoSeconds">Length of its video.</param>
/// <param name="Frames">Frames rendered.</param>
internal sealed record StorySegmentFigures(int Index, bool Made, double WallSeconds, double VideoSeconds, int Frames);
