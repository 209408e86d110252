using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Blobs;

/// <summary>
/// Runs <see cref="BlobSweep"/> every <see cref="BlobStoreOptions.OrphanSweepInterval"/> on every server, like the
/// platform's other sweepers: the job system runs one-off work and has no schedule. Admins can also start a sweep,
/// or a dry run, as a job (<c>POST /api/admin/blobs/sweep</c>).
/// </summary>
public sealed partial class BlobSweeper(BlobSweep sweep, IOptions<BlobStoreOptions> options, LoomClock clock, ILogger<BlobSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.OrphanSweepInterval;
        if (interval == TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await sweep.RunAsync(dryRun: false, cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                SweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping unreferenced blobs failed; the next sweep tries again")]
    private static partial void SweepFailed(ILogger logger, Exception e);
}
