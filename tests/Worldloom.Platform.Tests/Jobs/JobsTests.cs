using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Jobs;

[Trait("Category", "Integration")]
public sealed class JobsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static void Handlers(WebApplicationBuilder b, LongJob? longJob = null)
    {
        b.Services.AddSingleton<IJobHandler, StepsJob>();
        b.Services.AddSingleton<IJobHandler, FlakyJob>();
        b.Services.AddSingleton<IJobHandler, BrokenJob>();
        b.Services.AddSingleton<IJobHandler>(longJob ?? new LongJob());
        b.Configuration["Loom:Jobs:SweepInterval"] = "00:00:00.200";
        b.Configuration["Loom:Jobs:LeaseRenewal"] = "00:00:00.200";
    }

    [Fact]
    public async Task Job_RunsOnGrain_ReportsProgress_AndSucceeds()
    {
        await using var host = await LoomHost.StartAsync(b => Handlers(b));
        var user = await host.UserAsync();

        var job = await EnqueueAsync(host, user, "test.steps");
        var done = await WaitAsync(user, job.Id, JobStatus.Succeeded);

        Assert.Equal(100, done.Progress);
        Assert.Equal("{\"attempt\":1}", done.Result);
        var listed = await user.Client.GetFromJsonAsync<List<JobView>>("/api/jobs");
        Assert.Contains(listed!, j => j.Id == job.Id);
    }

    [Fact]
    public async Task Events_StreamProgressUntilFinal()
    {
        await using var host = await LoomHost.StartAsync(b => Handlers(b));
        var user = await host.UserAsync();
        var job = await EnqueueAsync(host, user, "test.steps");

        using var response = await user.Client.GetAsync($"/api/jobs/{job.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();

        var events = body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal))
            .Select(l => JsonSerializer.Deserialize<JobView>(l[6..], JsonSerializerOptions.Web)!).ToList();
        Assert.True(events.Count >= 2, body);
        Assert.Equal(JobStatus.Succeeded, events[^1].Status);
        Assert.Equal(events.Select(e => e.Progress).Order(), events.Select(e => e.Progress));
    }

    [Fact]
    public async Task FailingAttempts_RetryWithBackoff_ThenSucceed()
    {
        await using var host = await LoomHost.StartAsync(b => Handlers(b));
        var user = await host.UserAsync();
        var job = await EnqueueAsync(host, user, "test.flaky");

        var afterFirst = await WaitForAsync(host, job.Id, j => j.Attempts == 1 && j.Status == JobStatus.Queued);
        Assert.Equal("flaky failure 1", afterFirst.Error);
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(2), afterFirst.NextAttemptAt);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterSecond = await WaitForAsync(host, job.Id, j => j.Attempts == 2 && j.Status == JobStatus.Queued);
        // Backoff doubles: 2 s, then 4 s.
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(4), afterSecond.NextAttemptAt);

        host.Clock.Advance(TimeSpan.FromSeconds(4));
        var done = await WaitForAsync(host, job.Id, j => JobStatus.IsFinal(j.Status));
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(3, done.Attempts);
    }

    [Fact]
    public async Task OutOfAttempts_Fails()
    {
        await using var host = await LoomHost.StartAsync(b => Handlers(b));
        var user = await host.UserAsync();
        Job job;
        using (var scope = host.Services.CreateScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueAsync(user.Id, "test.broken", maxAttempts: 1);
        }

        var done = await WaitAsync(user, job.Id, JobStatus.Failed);

        Assert.Equal("always broken", done.Error);
    }

    [Fact]
    public async Task Cancel_StopsRunningJob()
    {
        var longJob = new LongJob();
        await using var host = await LoomHost.StartAsync(b => Handlers(b, longJob));
        var user = await host.UserAsync();
        var job = await EnqueueAsync(host, user, "test.long");
        await WaitForAsync(host, job.Id, j => j.Status == JobStatus.Running && j.Progress > 0);

        var cancel = await user.Client.DeleteAsync($"/api/jobs/{job.Id}");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await WaitAsync(user, job.Id, JobStatus.Cancelled);
        await ProblemJson.AssertAsync(await user.Client.DeleteAsync($"/api/jobs/{job.Id}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnotherUsersJob_IsNotFound()
    {
        await using var host = await LoomHost.StartAsync(b => Handlers(b));
        var owner = await host.UserAsync();
        var other = await host.UserAsync();
        var job = await EnqueueAsync(host, owner, "test.steps");

        await ProblemJson.AssertAsync(await other.Client.GetAsync($"/api/jobs/{job.Id}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await other.Client.DeleteAsync($"/api/jobs/{job.Id}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await other.Client.GetAsync($"/api/jobs/{job.Id}/events"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await other.Client.GetFromJsonAsync<List<JobView>>("/api/jobs"))!, j => j.Id == job.Id);
    }

    [Fact]
    public async Task AbandonedJob_OfADeadProcess_IsResumedAfterItsLeaseLapses()
    {
        var longJob = new LongJob();
        longJob.Release();
        await using var host = await LoomHost.StartAsync(b => Handlers(b, longJob));
        var user = await host.UserAsync();
        var id = Guid.NewGuid();
        var now = host.Clock.GetUtcNow();
        // Exactly what a killed process leaves behind: running, mid-way, its lease ticking out.
        await host.WithDbAsync(async db =>
        {
            db.Jobs.Add(new Job
            {
                Id = id, OwnerId = user.Id, Kind = "test.long", Status = JobStatus.Running, Progress = 40, Stage = "working",
                Attempts = 1, MaxAttempts = 3, LeaseOwner = "dead-silo", LeaseExpiresAt = now + TimeSpan.FromSeconds(30),
                NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        });

        await Task.Delay(600);
        Assert.Equal(JobStatus.Running, (await ReadAsync(host, id)).Status);

        host.Clock.Advance(TimeSpan.FromSeconds(31));
        var done = await WaitForAsync(host, id, j => JobStatus.IsFinal(j.Status));

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Attempts);
    }

    [Fact]
    public async Task ServerRestart_MidJob_JobResumesOnTheNextServer()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "loom-restart-" + Guid.NewGuid().ToString("N"));
        var firstRun = new LongJob();
        Guid jobId;
        string? database;
        TestUser user;
        await using (var first = await LoomHost.StartAsync(b => Handlers(b, firstRun), dataDir: dataDir, keepData: true))
        {
            database = first.Database;
            user = await first.UserAsync();
            jobId = (await EnqueueAsync(first, user, "test.long")).Id;
            await WaitForAsync(first, jobId, j => j.Status == JobStatus.Running && j.Progress > 0);
        }

        var secondRun = new LongJob();
        secondRun.Release();
        await using var second = await LoomHost.StartAsync(b => Handlers(b, secondRun), dataDir: dataDir, database: database);
        var done = await WaitForAsync(second, jobId, j => JobStatus.IsFinal(j.Status));

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1, firstRun.Started);
        Assert.Equal(1, secondRun.Started);
    }

    [Fact]
    public async Task AuditVerifyJob_ReportsChainOutcome()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(role: "admin");

        var started = await admin.Client.PostAsync("/api/admin/audit/verify-job", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JobView>())!;
        var done = await WaitAsync(admin, job.Id, JobStatus.Succeeded);

        var outcome = JsonDocument.Parse(done.Result!).RootElement;
        Assert.True(outcome.GetProperty("ok").GetBoolean());
        Assert.True(outcome.GetProperty("count").GetInt64() >= 2);
    }

    private static async Task<Job> EnqueueAsync(LoomHost host, TestUser user, string kind)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueAsync(user.Id, kind);
    }

    private static Task<Job> ReadAsync(LoomHost host, Guid id) => host.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private static async Task<Job> WaitForAsync(LoomHost host, Guid id, Func<Job, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var job = await ReadAsync(host, id);
            if (condition(job))
            {
                return job;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private static Task<JobView> WaitAsync(TestUser user, Guid id, string status) => JobWait.ForStatusAsync(user, id, status, Patience);
}
