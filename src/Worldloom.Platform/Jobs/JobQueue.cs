using Microsoft.EntityFrameworkCore;
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
        var now = clock.GetUtcNow();
        var queued = await db.Jobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.Stage, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (queued == 1)
        {
            return true;
        }

        var running = await db.Jobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (running == 1)
        {
            await grains.GetGrain<IJobGrain>(id).CancelAsync();
            return true;
        }

        return false;
    }
}
