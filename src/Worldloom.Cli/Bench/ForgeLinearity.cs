using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>How pipeline cost grows with cells: the larger size's time per cell over the smaller's (1.0 is linear).</summary>
internal sealed record ForgeLinearity
{
    /// <summary>The reference size: 512 when measured, else the smallest.</summary>
    public required int FromSize { get; init; }

    /// <summary>The largest size measured.</summary>
    public required int ToSize { get; init; }

    /// <summary>Median ms per cell at <see cref="ToSize"/> over the same at <see cref="FromSize"/>.</summary>
    [JsonPropertyName("per_cell_ratio")]
    public required double PerCellRatio { get; init; }

    /// <summary>The same ratio in process CPU time, which other processes on the machine disturb less.</summary>
    [JsonPropertyName("cpu_per_cell_ratio")]
    public required double CpuPerCellRatio { get; init; }
}
