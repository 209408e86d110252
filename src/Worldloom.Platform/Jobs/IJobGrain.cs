namespace Worldloom.Platform.Jobs;

/// <summary>The grain that runs one job; keyed by the job id, so the cluster places jobs across silos.</summary>
public interface IJobGrain : IGrainWithGuidKey
{
    /// <summary>Starts an attempt if the job is due and none is running here. Returns at once.</summary>
    Task StartAsync();

    /// <summary>Cancels the running attempt, if any (the cancel request itself is already recorded in the database).</summary>
    Task CancelAsync();
}
