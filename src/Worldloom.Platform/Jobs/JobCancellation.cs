using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;

namespace Worldloom.Platform.Jobs;

/// <summary>The database half of cancelling: enough on its own, since a running attempt checks the flag at its next report or lease renewal.</summary>
public static class JobCancellation
{
    /// <summary>The outcome of a cancel request.</summary>
    public enum Outcome
    {
        /// <summary>It was queued and is now cancelled.</summary>
        Cancelled,

        /// <summary>It is running; the attempt will stop shortly.</summary>
        Requested,

        /// <summary>It had already finished (or does not exist).</summary>
        AlreadyFinal,
    }

    /// <summary>Cancels a queued job at once, or flags a running one.</summary>
    public static async Task<Outcome> RequestAsync(LoomDb db, Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var queued = await db.Jobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.Stage, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (queued == 1)
        {
            return Outcome.Cancelled;
        }

        var running = await db.Jobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        return running == 1 ? Outcome.Requested : Outcome.AlreadyFinal;
    }
}
