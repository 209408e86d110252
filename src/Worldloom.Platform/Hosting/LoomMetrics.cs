using Prometheus;

namespace Worldloom.Platform.Hosting;

/// <summary>
/// Prometheus instruments of the platform. HTTP request durations come from prometheus-net's middleware and Orleans'
/// own meters are exported through prometheus-net's .NET meter adapter; these add what only the platform knows.
/// </summary>
public static class LoomMetrics
{
    /// <summary>Jobs that reached a final status, by kind and status.</summary>
    public static readonly Counter JobsFinished = Metrics.CreateCounter(
        "loom_jobs_finished_total", "Jobs that reached a final status.", new CounterConfiguration { LabelNames = ["kind", "status"] });

    /// <summary>Wall time of job attempts, by kind and outcome.</summary>
    public static readonly Histogram JobAttemptSeconds = Metrics.CreateHistogram(
        "loom_job_attempt_seconds", "Duration of job attempts.", new HistogramConfiguration
        {
            LabelNames = ["kind", "outcome"],
            Buckets = Histogram.ExponentialBuckets(0.01, 4, 10),
        });

    /// <summary>Audit entries appended.</summary>
    public static readonly Counter AuditAppends = Metrics.CreateCounter("loom_audit_appends_total", "Audit entries appended.");

    /// <summary>Generations refused for quota, by tier.</summary>
    public static readonly Counter QuotaRefusals = Metrics.CreateCounter(
        "loom_quota_refusals_total", "Generations refused because the weekly quota was spent.", new CounterConfiguration { LabelNames = ["tier"] });

    /// <summary>Unreferenced blobs deleted by the sweep (<c>BlobSweep</c>).</summary>
    public static readonly Counter BlobsSwept = Metrics.CreateCounter("loom_blobs_swept_total", "Unreferenced blobs the sweep deleted.");

    /// <summary>Bytes those blobs held.</summary>
    public static readonly Counter BlobBytesSwept = Metrics.CreateCounter("loom_blobs_swept_bytes_total", "Bytes of the unreferenced blobs the sweep deleted.");

    /// <summary>Failed logins.</summary>
    public static readonly Counter LoginFailures = Metrics.CreateCounter("loom_login_failures_total", "Failed login attempts.");
}
