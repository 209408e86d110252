using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Tests;

/// <summary>The platform's sweep of unreferenced blobs over what Stories stores: a fixture of its own, since it moves the clock a day at a time.</summary>
[Trait("Category", "Integration")]
public sealed class SegmentBlobSweepTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    [Fact]
    public async Task Sweep_KeepsARenderedSegmentsFiles_AndReclaimsThoseOfASegmentCancelledAfterStoringThem()
    {
        var user = await fixture.UserAsync();
        var ready = await StoriesHost.StartSceneAsync(user, new { title = "Kept", prompt = "A lighthouse in the fog" });
        await StoriesHost.JobAsync(user, ready.GetProperty("jobId").GetGuid());
        var segmentId = ready.GetProperty("segmentId").GetGuid();
        var files = await fixture.Host.WithDbAsync(db => db.Set<StorySegmentFile>().Where(f => f.SegmentId == segmentId).Select(f => f.Sha256).ToListAsync());
        Assert.NotEmpty(files);

        var kept = await BlobSweepCheck.KeepsAllButAnOrphanAsync(fixture.Host);
        Assert.Subset(kept.ToHashSet(), files.ToHashSet());

        // A segment whose cancel is noticed only after its files are stored: they stay in the store, named by no row.
        var before = await StoredAsync();
        user = await fixture.UserAsync();
        var cancelled = await fixture.StartCancelledAfterItsFilesAsync(user, new { title = "Cancelled", prompt = "A storm over the harbour" });

        await StoriesHost.JobAsync(user, cancelled.GetProperty("jobId").GetGuid(), JobStatus.Cancelled);
        var left = (await StoredAsync()).Except(before).ToList();
        Assert.NotEmpty(left);

        fixture.Host.Clock.Advance(TimeSpan.FromHours(25));
        var report = await fixture.Host.Services.GetRequiredService<BlobSweep>().RunAsync(dryRun: false);

        Assert.Equal(left.Count, report.Deleted);
        Assert.Equal(before.Order(), (await StoredAsync()).Order());
    }

    private async Task<List<string>> StoredAsync()
    {
        var stored = new List<string>();
        await foreach (var blob in fixture.Host.Services.GetRequiredService<IBlobStore>().ListAsync())
        {
            stored.Add(blob.Sha256);
        }

        return stored;
    }
}
