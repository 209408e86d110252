using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace Worldloom.Platform.Jobs;

/// <summary>
/// Hosts attempts of one job. The attempt runs off the grain's scheduler (it can take minutes, and this grain must stay
/// responsive to <see cref="CancelAsync"/>); the grain only starts it, cancels it and keeps itself activated meanwhile.
/// </summary>
/// <remarks>
/// Placed at random, not by Orleans' default resource-optimized placement: that one keeps a grain on the silo that
/// asked unless another silo's published load is lower by a margin, and the load is published about once a second, so a
/// burst of jobs enqueued on one silo all ran there.
/// </remarks>
[RandomPlacement]
public sealed class JobGrain(JobRunner runner, ILocalSiloDetails silo, ILogger<JobGrain> logger) : Grain, IJobGrain
{
    private readonly CancellationTokenSource _shutdown = new();
    private CancellationTokenSource _userCancel = new();
    private Task? _attempt;

    /// <inheritdoc />
    public Task StartAsync()
    {
        if (_attempt is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }

        _userCancel.Dispose();
        _userCancel = new CancellationTokenSource();
        var id = this.GetPrimaryKey();
        var userCancel = _userCancel.Token;
        _attempt = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(id, silo.Name, userCancel, _shutdown.Token);
            }
            catch (Exception e)
            {
                // The database row still says running; the sweeper takes it up again once the lease lapses.
                JobLog.AttemptCrashed(logger, id, e);
            }
        });
        DelayDeactivation(TimeSpan.FromDays(1));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CancelAsync() => _userCancel.CancelAsync();

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync();
        if (_attempt is not null)
        {
            await _attempt.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _shutdown.Dispose();
        _userCancel.Dispose();
    }
}
