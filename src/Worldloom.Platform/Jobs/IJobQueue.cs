namespace Worldloom.Platform.Jobs;

/// <summary>How modules start and control long work. The one job mechanism: every long operation goes through here.</summary>
public interface IJobQueue
{
    /// <summary>Records a job and asks the cluster to start it.</summary>
    Task<Job> EnqueueAsync(Guid ownerId, string kind, string inputJson = "{}", int maxAttempts = 3, CancellationToken cancellationToken = default);

    /// <summary>Cancels a job: at once if queued, at the running attempt's next progress report otherwise. False if already final.</summary>
    Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken = default);
}
