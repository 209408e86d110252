namespace Worldloom.Cli.Bench;

/// <summary>
/// Latency samples in <see cref="System.Diagnostics.Stopwatch"/> ticks, kept whole: a phase records tens of thousands,
/// so merging and sorting them once gives exact percentiles with less code (and no bucket error) than a histogram.
/// Not thread-safe: each worker owns its recorders, and they are merged after the phase.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly List<long> _samples = new(capacity);

    /// <summary>Adds one sample.</summary>
    public void Record(long ticks) => _samples.Add(ticks);

    /// <summary>Percentiles over the samples of all <paramref name="recorders"/>.</summary>
    public static LatencySummary Summarize(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._samples).ToArray();
        Array.Sort(all);
        return LatencySummary.FromSorted(all);
    }
}
