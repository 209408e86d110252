namespace Worldloom.Platform.Jobs;

/// <summary>Does the work of one job kind. Register implementations as singletons; modules add their own kinds.</summary>
public interface IJobHandler
{
    /// <summary>The kind this handler runs.</summary>
    string Kind { get; }

    /// <summary>
    /// Runs one attempt. Report progress through <paramref name="run"/> (which also notices cancellation), return the
    /// result as JSON, or throw to fail the attempt (it is retried with backoff while attempts remain).
    /// </summary>
    Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken);
}
