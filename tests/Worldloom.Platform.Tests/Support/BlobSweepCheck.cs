using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Blobs;

namespace Worldloom.Platform.Tests.Support;

/// <summary>
/// The check each module that stores blobs runs after its real flows: a sweep past the grace period must take an
/// orphan and nothing the module stored. A module that forgot to list a column in its <see cref="IBlobReferences"/>
/// fails it.
/// </summary>
public static class BlobSweepCheck
{
    /// <summary>Sweeps with the clock past the grace period; returns the blobs it kept (everything but the orphan).</summary>
    public static async Task<IReadOnlyList<string>> KeepsAllButAnOrphanAsync(LoomHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var store = host.Services.GetRequiredService<IBlobStore>();
        var orphan = (await store.PutAsync(new MemoryStream("stored, then named by nothing"u8.ToArray()), "text/plain")).Sha256;
        var stored = new List<string>();
        await foreach (var blob in store.ListAsync())
        {
            if (blob.Sha256 != orphan)
            {
                stored.Add(blob.Sha256);
            }
        }

        host.Clock.Advance(TimeSpan.FromHours(25));
        var report = await host.Services.GetRequiredService<BlobSweep>().RunAsync(dryRun: false);

        Assert.False(await store.ExistsAsync(orphan));
        foreach (var hash in stored)
        {
            Assert.True(await store.ExistsAsync(hash), $"the sweep deleted {hash}, which a row names");
        }

        Assert.Equal((1, 1), (report.Orphans, report.Deleted));
        return stored;
    }
}
