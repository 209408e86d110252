using System.Diagnostics.Metrics;
using Prometheus;

namespace Worldloom.Realms;

/// <summary>Prometheus instruments of the Realms module.</summary>
public static class RealmsMetrics
{
    /// <summary>The meter of the module's System.Diagnostics.Metrics instruments.</summary>
    public const string MeterName = "Worldloom.Realms";

    /// <summary>The name of <see cref="TickDuration"/>, for listeners that subscribe before the instrument exists.</summary>
    public const string TickDurationName = "loom.realms.tick.duration";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// The same tick durations, in seconds, as an unbucketed System.Diagnostics.Metrics histogram: the Prometheus one's
    /// buckets double, too coarse for a p99 against the 50 ms budget; an in-process listener (<c>loom bench realms</c>)
    /// reads the exact values. Nothing listens in production, where recording costs a null check.
    /// </summary>
    public static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>(TickDurationName, "s", "Duration of zone ticks.");

    /// <summary>Open game connections on this node.</summary>
    public static readonly Gauge Connections = Metrics.CreateGauge("loom_realms_connections", "Open game connections on this node.");

    /// <summary>Wall time of zone ticks (step, snapshots, delivery).</summary>
    public static readonly Histogram TickSeconds = Metrics.CreateHistogram(
        "loom_realms_tick_seconds", "Duration of zone ticks.", new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 14) });

    /// <summary>Inputs refused by the simulation, by code.</summary>
    public static readonly Counter Refusals = Metrics.CreateCounter(
        "loom_realms_refusals_total", "Inputs refused by zone simulations.", new CounterConfiguration { LabelNames = ["code"] });

    /// <summary>Players kicked by the simulation's anti-cheat.</summary>
    public static readonly Counter Kicks = Metrics.CreateCounter("loom_realms_kicks_total", "Players kicked by zone simulations.");

    /// <summary>Zone checkpoints written.</summary>
    public static readonly Counter Checkpoints = Metrics.CreateCounter("loom_realms_checkpoints_total", "Zone checkpoints written.");

    /// <summary>
    /// How long a zone's database writes took, by write: <c>checkpoint</c>, <c>leave</c> (a player's place when it
    /// left), <c>crossing</c> (a transfer's record). They run beside the ticks, so a slow database shows here first.
    /// </summary>
    public static readonly Histogram ZoneWriteSeconds = Metrics.CreateHistogram(
        "loom_realms_zone_write_seconds", "Duration of zone grains' database writes.",
        new HistogramConfiguration { LabelNames = ["write"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });

    /// <summary>Zone transfers, by step: started, retried, done.</summary>
    public static readonly Counter Transfers = Metrics.CreateCounter(
        "loom_realms_transfers_total", "Zone transfers by step.", new CounterConfiguration { LabelNames = ["step"] });

    /// <summary>Client frames refused by the gateway (bad frames, rate limits), by code.</summary>
    public static readonly Counter BadFrames = Metrics.CreateCounter(
        "loom_realms_bad_frames_total", "Client frames the gateway answered with an error.", new CounterConfiguration { LabelNames = ["code"] });
}
