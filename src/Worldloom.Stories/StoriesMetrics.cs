using Prometheus;

namespace Worldloom.Stories;

/// <summary>Prometheus instruments of the Stories module.</summary>
public static class StoriesMetrics
{
    /// <summary>Segments that reached an end, by outcome (ready, blocked, failed).</summary>
    public static readonly Counter Segments = Metrics.CreateCounter(
        "loom_stories_segments_total", "Story segments that finished generating, by outcome.", new CounterConfiguration { LabelNames = ["outcome"] });

    /// <summary>Wall time of one segment's job attempt, from narration to the files stored.</summary>
    public static readonly Histogram GenerationSeconds = Metrics.CreateHistogram(
        "loom_stories_generation_seconds", "Time to narrate, check, render and store one story segment.", new HistogramConfiguration
        {
            LabelNames = ["outcome"],
            Buckets = Histogram.ExponentialBuckets(0.25, 2, 10),
        });
}
