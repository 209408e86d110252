using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Data;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Jobs;

/// <summary>
/// Runs one attempt of a job: claims it with a conditional update (so two silos never run the same attempt), keeps a
/// lease alive while the handler works, and records the outcome. Every write is conditioned on still holding the lease.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IEnumerable<IJobHandler> handlers, IOptions<JobOptions> options, LoomClock clock)
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    /// <summary>Job kinds this process can run.</summary>
    public IReadOnlyCollection<string> Kinds => _handlers.Keys;

    /// <summary>
    /// Runs the job if it is due. <paramref name="userCancel"/> fires on a cancel request; <paramref name="shutdown"/>
    /// when this silo stops, in which case the job goes back to the queue without losing an attempt.
    /// </summary>
    public async Task RunAsync(Guid id, string silo, CancellationToken userCancel, CancellationToken shutdown)
    {
        var opts = options.Value;
        var now = clock.GetUtcNow();
        var claimed = await UpdateAsync(
            q => q.Where(j => j.Id == id && j.Status == JobStatus.Queued && !j.CancelRequested && j.NextAttemptAt <= now),
            s => s.SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.LeaseOwner, silo)
                .SetProperty(j => j.LeaseExpiresAt, now + opts.LeaseDuration)
                .SetProperty(j => j.Stage, "starting")
                .SetProperty(j => j.UpdatedAt, now));
        if (claimed == 0)
        {
            return;
        }

        var job = await ReadAsync(id);
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            await FinishAsync(id, silo, JobStatus.Failed, null, $"No handler for job kind '{job.Kind}'.");
            return;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(userCancel, shutdown);
        var cancelledByUser = false;
        using var renewal = new CancellationTokenSource();
        var lease = RenewLeaseAsync(id, silo, attempt, () => cancelledByUser = true, renewal.Token);

        var run = new JobRun(job, async (progress, stage, ct) =>
        {
            var at = clock.GetUtcNow();
            await UpdateAsync(
                q => q.Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == silo),
                s => s.SetProperty(j => j.Progress, progress).SetProperty(j => j.Stage, stage).SetProperty(j => j.UpdatedAt, at));
            if (await CancelRequestedAsync(id))
            {
                cancelledByUser = true;
                throw new OperationCanceledException("The job was cancelled.");
            }

            ct.ThrowIfCancellationRequested();
        });

        var started = clock.GetTimestamp();
        var outcome = "interrupted";
        try
        {
            var result = await handler.RunAsync(run, attempt.Token);
            await FinishAsync(id, silo, JobStatus.Succeeded, result, null);
            outcome = JobStatus.Succeeded;
            LoomMetrics.JobsFinished.WithLabels(job.Kind, JobStatus.Succeeded).Inc();
        }
        catch (OperationCanceledException) when (cancelledByUser || userCancel.IsCancellationRequested)
        {
            await FinishAsync(id, silo, JobStatus.Cancelled, null, null);
            outcome = JobStatus.Cancelled;
            LoomMetrics.JobsFinished.WithLabels(job.Kind, JobStatus.Cancelled).Inc();
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Interrupted by our own shutdown, not by the work: queue it again without spending an attempt.
            await UpdateAsync(
                q => q.Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == silo),
                s => s.SetProperty(j => j.Status, JobStatus.Queued)
                    .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.Stage, "interrupted by shutdown; will resume")
                    .SetProperty(j => j.UpdatedAt, clock.GetUtcNow()));
        }
        catch (Exception e)
        {
            // A JobFailedException says retrying cannot help: the attempt is the last one.
            outcome = await FailAttemptAsync(id, silo, e is JobFailedException ? 0 : job.MaxAttempts, e.Message) ? JobStatus.Failed : "retrying";
            if (outcome == JobStatus.Failed)
            {
                LoomMetrics.JobsFinished.WithLabels(job.Kind, JobStatus.Failed).Inc();
            }
        }
        finally
        {
            LoomMetrics.JobAttemptSeconds.WithLabels(job.Kind, outcome).Observe(clock.GetElapsedTime(started).TotalSeconds);
            await renewal.CancelAsync();
            await lease;
        }
    }

    private async Task RenewLeaseAsync(Guid id, string silo, CancellationTokenSource attempt, Action onCancelRequested, CancellationToken stop)
    {
        var opts = options.Value;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(opts.LeaseRenewal, stop);
                var now = clock.GetUtcNow();
                await UpdateAsync(
                    q => q.Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == silo),
                    s => s.SetProperty(j => j.LeaseExpiresAt, now + opts.LeaseDuration));
                if (await CancelRequestedAsync(id))
                {
                    onCancelRequested();
                    await attempt.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The attempt ended.
        }
    }

    // True when the job failed for good, false when it was queued for another attempt.
    private async Task<bool> FailAttemptAsync(Guid id, string silo, int maxAttempts, string error)
    {
        var now = clock.GetUtcNow();
        var job = await ReadAsync(id);
        if (job.Attempts >= maxAttempts)
        {
            await FinishAsync(id, silo, JobStatus.Failed, null, error);
            return true;
        }

        var next = now + options.Value.Backoff(job.Attempts);
        await UpdateAsync(
            q => q.Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == silo),
            s => s.SetProperty(j => j.Status, JobStatus.Queued)
                .SetProperty(j => j.NextAttemptAt, next)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.Stage, $"attempt {job.Attempts} failed; retrying")
                .SetProperty(j => j.UpdatedAt, now));
        return false;
    }

    private Task<int> FinishAsync(Guid id, string silo, string status, string? result, string? error)
    {
        var now = clock.GetUtcNow();
        return UpdateAsync(
            q => q.Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == silo),
            s => s.SetProperty(j => j.Status, status)
                .SetProperty(j => j.Progress, j => status == JobStatus.Succeeded ? 100 : j.Progress)
                .SetProperty(j => j.Stage, status)
                .SetProperty(j => j.Result, result)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now));
    }

    private async Task<bool> CancelRequestedAsync(Guid id)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LoomDb>().Jobs.AnyAsync(j => j.Id == id && j.CancelRequested);
    }

    private async Task<Job> ReadAsync(Guid id)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LoomDb>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    // Each write gets its own context: the lease loop and the handler's progress reports run concurrently.
    private async Task<int> UpdateAsync(
        Func<IQueryable<Job>, IQueryable<Job>> where,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Job>> set)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        return await where(db.Jobs).ExecuteUpdateAsync(set);
    }
}
