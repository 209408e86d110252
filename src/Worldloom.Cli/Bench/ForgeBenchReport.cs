using System.Text.Json;
using System.Text.Json.Serialization;
using Worldloom.Forge.Core.Pipeline;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench forge</c> prints last; see docs/benchmarks.md for each field.</summary>
internal sealed record ForgeBenchReport
{
    private const double MiB = 1024.0 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always <c>forge</c>.</summary>
    public string Bench { get; init; } = "forge";

    /// <summary>The seed of every run.</summary>
    public required string Seed { get; init; }

    /// <summary>Measured runs per size (after the warm-up), and ChaCha20 repetitions.</summary>
    public required int Runs { get; init; }

    /// <summary>The warm-up before all sizes, in seconds (at least this long; 0: none).</summary>
    [JsonPropertyName("warmup_s")]
    public required double WarmupS { get; init; }

    /// <summary>Worlds generated in that warm-up.</summary>
    public required int WarmupRuns { get; init; }

    /// <summary>One entry per size, in the order measured.</summary>
    public required IReadOnlyList<ForgeSizeReport> Sizes { get; init; }

    /// <summary>Cost per cell of the largest size against 512² (or the smallest); null with one size.</summary>
    public ForgeLinearity? Linearity { get; init; }

    /// <summary>ChaCha20 throughput, ours and OpenSSL's.</summary>
    [JsonPropertyName("chacha20")]
    public required ChaChaReport ChaCha20 { get; init; }

    /// <summary>The targets, checked against this run.</summary>
    public required ForgeTargets TargetsMet { get; init; }

    /// <summary>Whether every size gave one world hash over all its runs.</summary>
    public required bool Deterministic { get; init; }

    /// <summary>Cores and memory of the machine that ran the bench.</summary>
    public required string Machine { get; init; }

    /// <summary>The one-minute load average when the bench started (Linux), to tell a noisy run.</summary>
    [JsonPropertyName("load_avg_1m")]
    public double? LoadAvg1m { get; init; }

    /// <summary>Cores other processes kept busy over the whole bench.</summary>
    public double? OtherCoresBusy { get; init; }

    /// <summary>The report of a finished run.</summary>
    public static ForgeBenchReport From(ForgeBenchSettings settings, int warmupRuns, IReadOnlyList<SizeResult> sizes, ChaChaResult chacha, string machine, double? load, double? otherCoresBusy)
    {
        var oursMedian = Stats.Median(chacha.OursGiBs);
        return new ForgeBenchReport
        {
            Seed = settings.Seed,
            Runs = settings.Runs,
            WarmupS = settings.Warmup.TotalSeconds,
            WarmupRuns = warmupRuns,
            Sizes = sizes.Select(SizeOf).ToList(),
            Linearity = LinearityOf(sizes),
            ChaCha20 = new ChaChaReport
            {
                VectorBits = chacha.VectorBits,
                Mib = settings.ChaChaMiB,
                ChunkBytes = ChaChaBench.ChunkBytes,
                OursGibSBest = Math.Round(chacha.OursGiBs.Max(), 3),
                OursGibSMedian = Math.Round(oursMedian, 3),
                OpenSslGibSBest = Math.Round(chacha.OpenSslGiBs.Max(), 3),
                OpenSslGibSMedian = Math.Round(Stats.Median(chacha.OpenSslGiBs), 3),
                OursVsOpenSsl = Math.Round(chacha.OursGiBs.Max() / chacha.OpenSslGiBs.Max(), 2),
                OpenSslVersion = chacha.OpenSslVersion,
                MatchesOpenSsl = chacha.MatchesOpenSsl,
                RngMValuesPerSBest = Math.Round(chacha.RngMValuesPerS.Max(), 1),
                RngMValuesPerSMedian = Math.Round(Stats.Median(chacha.RngMValuesPerS), 1),
            },
            TargetsMet = new ForgeTargets
            {
                Pipeline512Under500Ms = sizes.FirstOrDefault(s => s.Size == 512) is { } s512 ? s512.PipelineMsMedian < 500 : null,
                Pipeline2048Under8S = sizes.FirstOrDefault(s => s.Size == 2048) is { } s2048 ? s2048.PipelineMsMedian < 8000 : null,
                Chacha20Over1GibS = oursMedian >= 1,
            },
            Deterministic = sizes.All(s => s.HashStable),
            Machine = machine,
            LoadAvg1m = load,
            OtherCoresBusy = otherCoresBusy,
        };
    }

    /// <summary>The report as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static ForgeSizeReport SizeOf(SizeResult s)
    {
        var stages = WorldPipeline.Stages.Select((stage, i) => (stage.Name, Ms: s.StageMsMedian(i))).ToList();
        return new ForgeSizeReport
        {
            Size = s.Size,
            Cells = s.Cells,
            PipelineMsMedian = Math.Round(s.PipelineMsMedian, 1),
            PipelineMsBest = Math.Round(s.PipelineMsBest, 1),
            PipelineCpuMsMedian = Math.Round(s.CpuMsMedian, 1),
            StagesMsMedian = stages.ToDictionary(x => x.Name, x => Math.Round(x.Ms, 1)),
            SlowestStage = stages.MaxBy(x => x.Ms).Name,
            DocumentMsMedian = Math.Round(s.DocumentMsMedian, 1),
            DocumentBytes = s.Runs[0].DocumentBytes,
            CellsPerS = Math.Round(s.CellsPerSecond),
            MsPerMcell = Math.Round(s.MsPerMillionCells, 1),
            CpuMsPerMcell = Math.Round(s.CpuMsPerMillionCells, 1),
            AllocatedMiB = Math.Round(s.AllocatedBytesMedian / MiB, 1),
            PeakRssMiB = s.PeakResidentBytes is { } peak ? Math.Round(peak / MiB, 1) : null,
            Hash = s.Hash,
            WarmupRuns = s.WarmupHashes.Count,
            HashStable = s.HashStable,
            OtherCoresBusy = s.OtherCoresBusy,
        };
    }

    private static ForgeLinearity? LinearityOf(IReadOnlyList<SizeResult> sizes)
    {
        if (sizes.Count < 2)
        {
            return null;
        }

        var to = sizes.MaxBy(s => s.Cells)!;
        var from = sizes.FirstOrDefault(s => s.Size == 512 && s != to) ?? sizes.MinBy(s => s.Cells)!;
        return from == to ? null : new ForgeLinearity
        {
            FromSize = from.Size,
            ToSize = to.Size,
            PerCellRatio = Math.Round(to.MsPerMillionCells / from.MsPerMillionCells, 2),
            CpuPerCellRatio = Math.Round(to.CpuMsPerMillionCells / from.CpuMsPerMillionCells, 2),
        };
    }
}
