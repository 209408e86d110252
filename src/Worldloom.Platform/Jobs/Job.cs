namespace Worldloom.Platform.Jobs;

/// <summary>
/// The durable record of one piece of long work. The database row is the truth: grains run jobs, but a job survives
/// any grain, silo or process because its state lives here.
/// </summary>
public sealed class Job
{
    /// <summary>Id, also the key of the grain that runs it.</summary>
    public Guid Id { get; set; }

    /// <summary>Who asked for it.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>Handler name, e.g. <c>audit.verify</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>One of <see cref="JobStatus"/>.</summary>
    public string Status { get; set; } = JobStatus.Queued;

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    /// <summary>What it is doing now, for people.</summary>
    public string Stage { get; set; } = "queued";

    /// <summary>Handler input, JSON.</summary>
    public string Input { get; set; } = "{}";

    /// <summary>Handler output, JSON, once succeeded.</summary>
    public string? Result { get; set; }

    /// <summary>Last failure message.</summary>
    public string? Error { get; set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Attempts allowed before the job fails for good.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Not to be started before this (exponential backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set by a cancel request; the running attempt sees it at its next progress report.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The silo running it; after a final status, the silo that ran the last attempt.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>A running job whose lease has lapsed was abandoned (its process died) and is picked up again.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Reached a final status.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
