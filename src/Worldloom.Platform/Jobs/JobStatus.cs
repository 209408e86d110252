namespace Worldloom.Platform.Jobs;

/// <summary>Job statuses.</summary>
public static class JobStatus
{
    /// <summary>Waiting to run (first time or after a retryable failure).</summary>
    public const string Queued = "queued";

    /// <summary>An attempt is under way.</summary>
    public const string Running = "running";

    /// <summary>Done.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Out of attempts.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped on request.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>True for statuses a job never leaves.</summary>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Cancelled;
}
