using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench forge-export</c> prints last; see docs/benchmarks.md.</summary>
internal sealed record ExportBenchReport
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Always <c>forge-export</c>.</summary>
    public string Bench { get; init; } = "forge-export";

    /// <summary>World side.</summary>
    public required int Size { get; init; }

    /// <summary>The world's seed.</summary>
    public required string Seed { get; init; }

    /// <summary>Measured runs.</summary>
    public required int Runs { get; init; }

    /// <summary>Per engine, each alone on a fresh source (so it pays for the shared assets it uses).</summary>
    public required IReadOnlyDictionary<string, ExportEngineFigures> Engines { get; init; }

    /// <summary>Median time of the whole signed bundle of every engine (exporters in parallel), in ms.</summary>
    [JsonPropertyName("bundle_ms")]
    public required double BundleMs { get; init; }

    /// <summary>Bundle size in bytes.</summary>
    public required long BundleBytes { get; init; }

    /// <summary>Files in the bundle, manifest and signature included.</summary>
    public required int BundleFiles { get; init; }

    /// <summary>SHA-256 of the bundle: the same on every run and machine.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>Whether every run gave a byte-identical bundle.</summary>
    public required bool Deterministic { get; init; }

    /// <summary>The target for the whole bundle, in ms.</summary>
    [JsonPropertyName("target_ms")]
    public double TargetMs { get; init; } = ExportBench.TargetMs;

    /// <summary>Whether the bundle's median met the target.</summary>
    public required bool TargetMet { get; init; }

    /// <summary>Cores and memory of the machine.</summary>
    public required string Machine { get; init; }

    /// <summary>The one JSON line.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One engine's figures.</summary>
/// <param name="Ms">Median export time in ms.</param>
/// <param name="Files">Files written.</param>
/// <param name="Bytes">Their size, uncompressed.</param>
internal sealed record ExportEngineFigures(double Ms, int Files, long Bytes);
