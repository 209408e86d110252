using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Forge.Server.Tests.Exports;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests;

[Trait("Category", "Integration")]
public sealed class BlobSweepTests
{
    [Fact]
    public async Task Sweep_KeepsEveryBlobForgeStored_WorldDocumentsBundlesAndThumbnails()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, hash) = await ExportApi.WorldAsync(user);
        var export = await ExportApi.ExportAsync(user, world, new { engines = new[] { "json" } });
        var response = await user.Client.PostAsJsonAsync($"/api/projects/{await ForgeApi.ProjectAsync(user)}/batches", new { seeds = "1..2", size = 64 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        await ForgeApi.JobAsync(user, batch.GetProperty("jobId").GetGuid(), JobStatus.Succeeded);

        var kept = await BlobSweepCheck.KeepsAllButAnOrphanAsync(host);

        // The world's document, the bundle, and the batch's two thumbnails at least.
        Assert.Contains(hash, kept);
        Assert.True(kept.Count >= 4, $"{kept.Count} blobs");
        user = await host.LoginAsync(user.Id, user.Email);
        Assert.NotEmpty(await ExportApi.DownloadAsync(user, export));
    }
}
