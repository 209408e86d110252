using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>One size in the JSON summary of <c>loom bench forge</c>; times are over the measured runs.</summary>
internal sealed record ForgeSizeReport
{
    /// <summary>Side of the square world.</summary>
    public required int Size { get; init; }

    /// <summary>Cells (side²).</summary>
    public required long Cells { get; init; }

    /// <summary>Median wall time of the whole pipeline.</summary>
    [JsonPropertyName("pipeline_ms_median")]
    public required double PipelineMsMedian { get; init; }

    /// <summary>Best wall time of the whole pipeline.</summary>
    [JsonPropertyName("pipeline_ms_best")]
    public required double PipelineMsBest { get; init; }

    /// <summary>Median process CPU time of a pipeline run (all threads).</summary>
    [JsonPropertyName("pipeline_cpu_ms_median")]
    public required double PipelineCpuMsMedian { get; init; }

    /// <summary>Median of each stage, by stage name in pipeline order.</summary>
    [JsonPropertyName("stages_ms_median")]
    public required IReadOnlyDictionary<string, double> StagesMsMedian { get; init; }

    /// <summary>The stage with the largest median.</summary>
    public required string SlowestStage { get; init; }

    /// <summary>Median wall time of <c>WorldDocument.Write</c>, outside the pipeline time.</summary>
    [JsonPropertyName("document_ms_median")]
    public required double DocumentMsMedian { get; init; }

    /// <summary>Size of the canonical document.</summary>
    public required int DocumentBytes { get; init; }

    /// <summary>Cells per second at the median pipeline time.</summary>
    [JsonPropertyName("cells_per_s")]
    public required double CellsPerS { get; init; }

    /// <summary>Median pipeline milliseconds per million cells.</summary>
    [JsonPropertyName("ms_per_mcell")]
    public required double MsPerMcell { get; init; }

    /// <summary>Median CPU milliseconds per million cells.</summary>
    [JsonPropertyName("cpu_ms_per_mcell")]
    public required double CpuMsPerMcell { get; init; }

    /// <summary>Managed bytes one pipeline run allocated (GC.GetTotalAllocatedBytes delta, median), in MiB.</summary>
    [JsonPropertyName("allocated_mib")]
    public required double AllocatedMiB { get; init; }

    /// <summary>Peak resident set of the process during this size's measured runs (VmHWM), in MiB.</summary>
    [JsonPropertyName("peak_rss_mib")]
    public double? PeakRssMiB { get; init; }

    /// <summary>The world hash.</summary>
    public required string Hash { get; init; }

    /// <summary>Unmeasured warm-up runs before the measured ones (at least one, and at least 0.5 s of them).</summary>
    public required int WarmupRuns { get; init; }

    /// <summary>Whether the warm-up runs and every measured run gave that same hash.</summary>
    public required bool HashStable { get; init; }

    /// <summary>Cores other processes kept busy during the measured runs.</summary>
    public double? OtherCoresBusy { get; init; }
}
