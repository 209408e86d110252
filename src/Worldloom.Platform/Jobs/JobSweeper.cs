using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Data;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Jobs;

/// <summary>
/// Runs in every silo: starts queued jobs that are due (new, or retrying after backoff) and takes back running jobs
/// whose lease lapsed because the process running them died. Silos may sweep the same rows at once; the conditional
/// claim in <see cref="JobRunner"/> and single grain activation keep each attempt unique.
/// </summary>
public sealed class JobSweeper(IServiceScopeFactory scopes, IGrainFactory grains, IOptions<JobOptions> options, LoomClock clock, ILogger<JobSweeper> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.SweepInterval, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                JobLog.SweepFailed(logger, e);
            }
        }
    }

    /// <summary>One pass; public so tests and operators can force it.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var now = clock.GetUtcNow();

        await db.Jobs.Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt < now && j.Attempts < j.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.Error, "The process running the job stopped.").SetProperty(j => j.Stage, "resuming after interruption")
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        await db.Jobs.Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt < now && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.Error, "The process running the job stopped, and no attempts remain.").SetProperty(j => j.Stage, JobStatus.Failed)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);

        var due = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Queued && j.NextAttemptAt <= now && !j.CancelRequested)
            .OrderBy(j => j.NextAttemptAt).Select(j => j.Id).Take(200).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await grains.GetGrain<IJobGrain>(id).StartAsync();
        }
    }
}
