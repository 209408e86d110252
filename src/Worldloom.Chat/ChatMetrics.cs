using Prometheus;

namespace Worldloom.Chat;

/// <summary>Prometheus instruments of the Chat module.</summary>
public static class ChatMetrics
{
    /// <summary>
    /// Wall time of the message store's group commits: a sent message waits for the commit in progress and then its
    /// own, so this is most of a send's latency on a busy node.
    /// </summary>
    public static readonly Histogram StoreCommitSeconds = Metrics.CreateHistogram(
        "loom_chat_store_commit_seconds", "Duration of the chat message store's group commits.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });

    /// <summary>Messages per group commit.</summary>
    public static readonly Histogram StoreBatchMessages = Metrics.CreateHistogram(
        "loom_chat_store_batch_messages", "Messages written by one group commit of the chat message store.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 10) });
}
