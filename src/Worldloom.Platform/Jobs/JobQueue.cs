using Worldloom.Platform.Data;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Jobs;

/// <summary>Database-backed queue whose jobs run on <see cref="IJobGrain"/>s.</summary>
public sealed class JobQueue(LoomDb db, IGrainFactory grains, LoomClock clock) : IJobQueue
{
    /// <inheritdoc />
    public async Task<Job> EnqueueAsync(Guid ownerId, string kind, string inputJson = "{}", int maxAttempts = 3, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var job = new Job
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            Kind = kind,
            Input = inputJson,
            MaxAttempts = Math.Clamp(maxAttempts, 1, 10),
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);

        // If this call is lost, the sweeper starts the job on its next pass: the row is what makes it durable.
        await grains.GetGrain<IJobGrain>(job.Id).StartAsync();
        return job;
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        switch (await JobCancellation.RequestAsync(db, id, clock.GetUtcNow(), cancellationToken))
        {
            case JobCancellation.Outcome.Cancelled:
                return true;
            case JobCancellation.Outcome.Requested:
                // Stops the attempt now instead of at its next report.
                await grains.GetGrain<IJobGrain>(id).CancelAsync();
                return true;
            default:
                return false;
        }
    }
}
