using System.Diagnostics;

namespace Worldloom.Cli.Bench;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
/// <param name="Count">Number of samples.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Largest sample.</param>
internal sealed record LatencySummary(long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    /// <summary>Summarizes samples in <see cref="Stopwatch"/> ticks, sorted ascending.</summary>
    public static LatencySummary FromSorted(long[] sortedTicks) => new(
        sortedTicks.Length,
        Percentile(sortedTicks, 0.50),
        Percentile(sortedTicks, 0.95),
        Percentile(sortedTicks, 0.99),
        sortedTicks.Length == 0 ? 0 : Milliseconds(sortedTicks[^1]));

    /// <summary>Stopwatch ticks as milliseconds, to the microsecond.</summary>
    public static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);

    // Nearest rank: the smallest sample with at least p of all samples at or below it, so p99 is a latency that
    // was actually observed rather than an interpolation between two.
    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);
}
