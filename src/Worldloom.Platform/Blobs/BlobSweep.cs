using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Blobs;

/// <summary>
/// Mark and sweep over the blob store: lists every blob, asks every module's <see cref="IBlobReferences"/> which
/// hashes its rows name, and deletes the blobs that none names and that were last put before
/// <see cref="BlobStoreOptions.OrphanGracePeriod"/> ago. Blobs are content-addressed and shared, so no single module
/// can tell when one is free; orphans come from work that stored files and stopped before its rows (a cancelled story
/// segment, a failed export).
/// </summary>
/// <remarks>
/// The store is listed before the references are read, so a blob put after the listing is never a candidate, and a
/// candidate that is put again before its deletion is spared by <see cref="IBlobStore.DeleteStaleAsync"/>. Several
/// servers may sweep at once: a blob one of them deleted is simply gone for the others.
/// </remarks>
public sealed partial class BlobSweep(IBlobStore store, IServiceScopeFactory scopes, IOptions<BlobStoreOptions> options, LoomClock clock, ILogger<BlobSweep> logger)
{
    /// <summary>Progress callback: percent done and a stage name.</summary>
    public delegate Task Progress(int percent, string stage, CancellationToken cancellationToken);

    /// <summary>One pass. <paramref name="dryRun"/> counts the orphans and deletes nothing.</summary>
    public async Task<BlobSweepReport> RunAsync(bool dryRun, Progress? progress = null, CancellationToken cancellationToken = default)
    {
        progress ??= static (_, _, _) => Task.CompletedTask;
        var cutoff = clock.GetUtcNow() - options.Value.OrphanGracePeriod;

        await progress(5, "listing the store", cancellationToken);
        var stored = 0;
        var candidates = new List<StoredBlob>();
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            stored++;
            if (blob.LastPut < cutoff)
            {
                candidates.Add(blob);
            }
        }

        await progress(30, "reading references", cancellationToken);
        var referenced = await ReferencedAsync(cancellationToken);
        var orphans = candidates.Where(b => !referenced.Contains(b.Sha256)).ToList();
        var orphanBytes = orphans.Sum(b => b.Size);

        var (deleted, deletedBytes) = (0, 0L);
        if (!dryRun)
        {
            for (var i = 0; i < orphans.Count; i++)
            {
                if (i % 100 == 0)
                {
                    await progress(50 + (45 * i / orphans.Count), $"deleting {i} of {orphans.Count}", cancellationToken);
                }

                if (await store.DeleteStaleAsync(orphans[i].Sha256, cutoff, cancellationToken))
                {
                    deleted++;
                    deletedBytes += orphans[i].Size;
                }
            }
        }

        LoomMetrics.BlobsSwept.Inc(deleted);
        LoomMetrics.BlobBytesSwept.Inc(deletedBytes);
        var report = new BlobSweepReport(dryRun, cutoff, stored, referenced.Count, orphans.Count, orphanBytes, deleted, deletedBytes);
        Swept(logger, dryRun, stored, referenced.Count, orphans.Count, deleted, deletedBytes);
        return report;
    }

    private async Task<HashSet<string>> ReferencedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in scope.ServiceProvider.GetServices<IBlobReferences>())
        {
            await foreach (var hash in source.HashesAsync(cancellationToken).WithCancellation(cancellationToken))
            {
                if (BlobHash.IsValid(hash))
                {
                    referenced.Add(hash);
                }
            }
        }

        return referenced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob sweep (dry run: {DryRun}): {Stored} stored, {Referenced} referenced, {Orphans} orphans, {Deleted} deleted ({Bytes} bytes)")]
    private static partial void Swept(ILogger logger, bool dryRun, int stored, int referenced, int orphans, int deleted, long bytes);
}
