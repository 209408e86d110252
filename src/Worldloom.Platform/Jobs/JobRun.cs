namespace Worldloom.Platform.Jobs;

/// <summary>What a handler sees of its job while it runs.</summary>
public sealed class JobRun(Job job, Func<int, string, CancellationToken, Task> report)
{
    /// <summary>Job id.</summary>
    public Guid Id => job.Id;

    /// <summary>Who asked for it.</summary>
    public Guid OwnerId => job.OwnerId;

    /// <summary>Input JSON.</summary>
    public string Input => job.Input;

    /// <summary>Which attempt this is, from 1.</summary>
    public int Attempt => job.Attempts;

    /// <summary>Records progress (clamped to 0–100) and a stage name; throws <see cref="OperationCanceledException"/> if the job was cancelled.</summary>
    public Task ReportAsync(int progress, string stage, CancellationToken cancellationToken) =>
        report(Math.Clamp(progress, 0, 100), stage, cancellationToken);
}
