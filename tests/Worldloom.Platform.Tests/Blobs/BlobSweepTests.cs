using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Blobs;

/// <summary>The sweep of unreferenced blobs on the real server: <c>POST /api/admin/blobs/sweep</c> and the periodic sweeper.</summary>
[Trait("Category", "Integration")]
public sealed class BlobSweepTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PastTheGrace = TimeSpan.FromHours(25);

    /// <summary>A module whose rows name exactly these hashes.</summary>
    private sealed class ListedReferences : IBlobReferences
    {
        public HashSet<string> Hashes { get; } = [];

        public async IAsyncEnumerable<string> HashesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var hash in Hashes.Append("not a hash"))
            {
                await Task.Yield();
                yield return hash;
            }
        }
    }

    private static Task<LoomHost> StartAsync(ListedReferences references, Action<WebApplicationBuilder>? more = null) =>
        LoomHost.StartAsync(b =>
        {
            b.Services.AddScoped<IBlobReferences>(_ => references);
            more?.Invoke(b);
        });

    private static async Task<string> PutAsync(LoomHost host, string text) =>
        (await host.Services.GetRequiredService<IBlobStore>().PutAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "text/plain")).Sha256;

    private static Task<bool> ExistsAsync(LoomHost host, string sha256) => host.Services.GetRequiredService<IBlobStore>().ExistsAsync(sha256);

    [Fact]
    public async Task Sweep_DeletesOrphansOlderThanTheGrace_KeepsReferencedAndYoungBlobs()
    {
        var references = new ListedReferences();
        await using var host = await StartAsync(references);
        var referenced = await PutAsync(host, "named by a row");
        var orphan = await PutAsync(host, "named by nothing");
        references.Hashes.Add(referenced);
        host.Clock.Advance(PastTheGrace);
        var admin = await host.UserAsync(role: Roles.Admin);
        var young = await PutAsync(host, "named by nothing yet");
        var (swept, sweptBytes) = (LoomMetrics.BlobsSwept.Value, LoomMetrics.BlobBytesSwept.Value);

        var report = await SweepAsync(admin, "{}");

        Assert.False(report.DryRun);
        Assert.Equal(host.Clock.GetUtcNow() - TimeSpan.FromHours(24), report.Cutoff);
        Assert.Equal((3, 1, 1, 1), (report.Stored, report.Referenced, report.Orphans, report.Deleted));
        Assert.Equal("named by nothing".Length, report.DeletedBytes);
        Assert.Equal((swept + 1, sweptBytes + "named by nothing".Length), (LoomMetrics.BlobsSwept.Value, LoomMetrics.BlobBytesSwept.Value));
        Assert.Contains("loom_blobs_swept_bytes_total", await host.Client().GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(host, orphan));
        Assert.True(await ExistsAsync(host, referenced));
        Assert.True(await ExistsAsync(host, young));
    }

    [Fact]
    public async Task Sweep_OrphanPutAgainSinceTheGrace_IsKept()
    {
        var references = new ListedReferences();
        await using var host = await StartAsync(references);
        var blob = await PutAsync(host, "stored long ago, needed again");
        host.Clock.Advance(PastTheGrace);
        var admin = await host.UserAsync(role: Roles.Admin);

        // A job stores the same bytes again and has not written its row yet: the put alone must keep them.
        Assert.Equal(blob, await PutAsync(host, "stored long ago, needed again"));
        var report = await SweepAsync(admin, "{}");

        Assert.Equal((0, 0), (report.Orphans, report.Deleted));
        Assert.True(await ExistsAsync(host, blob));
    }

    [Theory]
    [InlineData("{\"dryRun\":true}")]
    [InlineData("{\"DRYRUN\":true}")]
    public async Task DryRun_CountsTheOrphans_AndDeletesNothing(string body)
    {
        var references = new ListedReferences();
        await using var host = await StartAsync(references);
        var orphan = await PutAsync(host, "would go");
        host.Clock.Advance(PastTheGrace);
        var admin = await host.UserAsync(role: Roles.Admin);

        var report = await SweepAsync(admin, body);

        Assert.True(report.DryRun);
        Assert.Equal((1, "would go".Length, 0, 0L), (report.Orphans, report.OrphanBytes, report.Deleted, report.DeletedBytes));
        Assert.True(await ExistsAsync(host, orphan));
    }

    [Fact]
    public async Task Sweep_WithNoBody_IsARealSweep_AndIsAudited()
    {
        await using var host = await StartAsync(new ListedReferences());
        var orphan = await PutAsync(host, "goes");
        host.Clock.Advance(PastTheGrace);
        var admin = await host.UserAsync(role: Roles.Admin);

        using var started = await admin.Client.PostAsync("/api/admin/blobs/sweep", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JobView>())!;
        var report = await FinishedAsync(admin, job.Id);

        Assert.False(report.DryRun);
        Assert.Equal(1, report.Deleted);
        Assert.False(await ExistsAsync(host, orphan));
        var audit = await host.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "blobs.sweep"));
        Assert.Equal($"job:{job.Id}", audit.Target);
        Assert.Equal(admin.Id.ToString(), audit.Actor);
        Assert.Contains("\"dryRun\":\"false\"", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"dryRun\":\"yes\"}", "dryRun")]
    [InlineData("{\"dryRun\":1}", "dryRun")]
    [InlineData("[true]", "body")]
    [InlineData("{\"dryRun\":", "dryRun")]
    public async Task Sweep_BadBody_ProblemNamesTheField_AndStartsNothing(string body, string field)
    {
        await using var host = await StartAsync(new ListedReferences());
        var admin = await host.UserAsync(role: Roles.Admin);

        var response = await admin.Client.PostAsync("/api/admin/blobs/sweep", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.False(await host.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Kind == BlobSweepJob.KindName)));
        Assert.False(await host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "blobs.sweep")));
    }

    [Fact]
    public async Task Sweep_IsForAdminsOnly()
    {
        await using var host = await StartAsync(new ListedReferences());
        var orphan = await PutAsync(host, "stays");
        host.Clock.Advance(PastTheGrace);
        var user = await host.UserAsync();

        using var anonymous = await host.Client().PostAsync("/api/admin/blobs/sweep", null);
        using var member = await user.Client.PostAsync("/api/admin/blobs/sweep", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.False(await host.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Kind == BlobSweepJob.KindName)));
        Assert.True(await ExistsAsync(host, orphan));
    }

    [Fact]
    public async Task Sweeper_SweepsOnItsInterval()
    {
        await using var host = await StartAsync(new ListedReferences(), b => b.Configuration["Loom:Blobs:OrphanSweepInterval"] = "00:00:00.100");
        var orphan = await PutAsync(host, "swept without asking");
        host.Clock.Advance(PastTheGrace);

        using var timeout = new CancellationTokenSource(Patience);
        while (await ExistsAsync(host, orphan))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<BlobSweepReport> SweepAsync(TestUser admin, string body)
    {
        using var started = await admin.Client.PostAsync("/api/admin/blobs/sweep", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JobView>())!;
        return await FinishedAsync(admin, job.Id);
    }

    private static async Task<BlobSweepReport> FinishedAsync(TestUser admin, Guid jobId)
    {
        var job = await JobWait.ForStatusAsync(admin, jobId, JobStatus.Succeeded, Patience);
        Assert.Equal(100, job.Progress);
        return JsonSerializer.Deserialize<BlobSweepReport>(job.Result!, JsonSerializerOptions.Web)!;
    }
}
