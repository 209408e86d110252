namespace Worldloom.Cli.Bench;

/// <summary>The measured runs of one world size, and what they add up to.</summary>
/// <param name="Size">Side of the square world.</param>
/// <param name="Runs">The measured runs (the warm-up is not among them).</param>
/// <param name="WarmupHashes">The world hashes of the unmeasured warm-up runs, which must match too.</param>
/// <param name="PeakResidentBytes">The process's peak resident set during the measured runs (null where it could not be reset first).</param>
/// <param name="OtherCoresBusy">Cores other processes kept busy meanwhile.</param>
internal sealed record SizeResult(int Size, IReadOnlyList<PipelineRun> Runs, IReadOnlyList<string> WarmupHashes, long? PeakResidentBytes, double? OtherCoresBusy)
{
    /// <summary>Cells in the world.</summary>
    public long Cells => (long)Size * Size;

    /// <summary>Median pipeline time.</summary>
    public double PipelineMsMedian => Stats.Median(Runs.Select(r => r.PipelineMs));

    /// <summary>Best pipeline time.</summary>
    public double PipelineMsBest => Runs.Min(r => r.PipelineMs);

    /// <summary>Median process CPU time of a pipeline run.</summary>
    public double CpuMsMedian => Stats.Median(Runs.Select(r => r.CpuMs));

    /// <summary>Median CPU milliseconds per million cells.</summary>
    public double CpuMsPerMillionCells => CpuMsMedian / (Cells / 1e6);

    /// <summary>Median time of writing the canonical document.</summary>
    public double DocumentMsMedian => Stats.Median(Runs.Select(r => r.DocumentMs));

    /// <summary>Median time of stage <paramref name="index"/> (each stage's own median, so they need not add up to the total).</summary>
    public double StageMsMedian(int index) => Stats.Median(Runs.Select(r => r.StageMs[index]));

    /// <summary>Cells generated per second at the median pipeline time.</summary>
    public double CellsPerSecond => Cells / (PipelineMsMedian / 1000);

    /// <summary>Median pipeline milliseconds per million cells: flat across sizes when cost is linear in cells.</summary>
    public double MsPerMillionCells => PipelineMsMedian / (Cells / 1e6);

    /// <summary>Median managed allocation of one pipeline run.</summary>
    public double AllocatedBytesMedian => Stats.Median(Runs.Select(r => (double)r.AllocatedBytes));

    /// <summary>The world hash (of the first run).</summary>
    public string Hash => WarmupHashes[0];

    /// <summary>Runs in all, warm-up included.</summary>
    public int AllRuns => WarmupHashes.Count + Runs.Count;

    /// <summary>Whether every run, warm-up included, gave the same world.</summary>
    public bool HashStable => WarmupHashes.Concat(Runs.Select(r => r.Hash)).All(h => h == Hash);
}
