using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;

namespace Worldloom.Chat.Files;

/// <summary>
/// Removes uploads that were never completed and got no chunk for <see cref="ChatFileOptions.IncompleteFileLifetime"/>,
/// with their blobs. A hosted service of its own, shaped like the platform's <c>JobSweeper</c>: the job system runs
/// one-off queued work and has no recurring schedule to hang this on. Every server sweeps; deleting the same rows twice
/// is harmless.
/// </summary>
public sealed partial class ChatFileSweeper(IServiceScopeFactory scopes, IOptions<ChatFileOptions> options, LoomClock clock, ILogger<ChatFileSweeper> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.FileSweepInterval, stoppingToken);
                await SweepAsync(stoppingToken);
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

    /// <summary>One pass; public so tests and operators can force it. Returns how many uploads it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
        var cutoff = clock.GetUtcNow() - options.Value.IncompleteFileLifetime;
        var removed = 0;
        while (true)
        {
            var stale = await db.Set<ChatFile>().AsNoTracking().Where(f => f.CompletedAt == null && f.TouchedAt < cutoff)
                .OrderBy(f => f.TouchedAt).Select(f => f.Id).Take(100).ToListAsync(cancellationToken);
            foreach (var id in stale)
            {
                removed += await FileStorage.DeleteAsync(db, blobs, id, cancellationToken) ? 1 : 0;
            }

            if (stale.Count < 100)
            {
                return removed;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping abandoned chat uploads failed; the next pass retries.")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
