using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Jobs;

namespace Worldloom.Platform.Tests.Cluster;

/// <summary>Several <c>loom serve</c> processes on one PostgreSQL database form one Orleans cluster.</summary>
[Trait("Category", "Cluster")]
public sealed class TwoProcessClusterTests
{
    private const int Active = 3;
    private const int Dead = 6;

    [PostgresClusterFact]
    public async Task JobStartedThroughOneProcess_IsObservedThroughTheOther()
    {
        await using var cluster = await TwoProcessCluster.StartAsync();
        var silos = await cluster.EventuallyAsync("both silos active in the membership table", async () =>
        {
            var active = await cluster.SilosAsync(Active);
            return active.Count == 2 ? active : null;
        });
        Assert.Equal(new[] { cluster.A.SiloPort, cluster.B.SiloPort }.Order(), silos.Select(s => s.Port));

        using var throughA = await cluster.A.LoginAsync(cluster.AdminEmail, TwoProcessCluster.AdminPassword);
        using var started = await throughA.PostAsync("/api/admin/audit/verify-job", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JobView>())!;

        // The token A issued is accepted by B (same keys), and B reads the job from the shared database.
        using var throughB = new HttpClient { BaseAddress = cluster.B.Client.BaseAddress };
        throughB.DefaultRequestHeaders.Authorization = throughA.DefaultRequestHeaders.Authorization;
        var done = await cluster.EventuallyAsync($"job {job.Id} to succeed, read through B", async () =>
        {
            var view = (await throughB.GetFromJsonAsync<JobView>($"/api/jobs/{job.Id}"))!;
            Assert.False(view.Status is JobStatus.Failed or JobStatus.Cancelled, $"job ended {view.Status}: {view.Error}");
            return view.Status == JobStatus.Succeeded ? view : null;
        });

        Assert.Equal(1, done.Attempts);
        Assert.True(JsonDocument.Parse(done.Result!).RootElement.GetProperty("ok").GetBoolean(), done.Result);
    }

    [PostgresClusterFact]
    public async Task KilledProcess_ItsRunningJob_IsResumedByTheSurvivor()
    {
        await using var cluster = await TwoProcessCluster.StartAsync();
        var silos = await cluster.EventuallyAsync("both silos active in the membership table", async () =>
        {
            var active = await cluster.SilosAsync(Active);
            return active.Count == 2 ? active : null;
        });
        var siloA = silos.Single(s => s.Port == cluster.A.SiloPort).SiloName;

        // Exactly what A leaves behind when it dies mid-job: a running attempt whose lease A no longer renews.
        var id = Guid.NewGuid();
        DateTimeOffset leaseExpires;
        await using (var db = cluster.Db())
        {
            var ownerId = await db.Users.Where(u => u.Email == cluster.AdminEmail).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            leaseExpires = now + TimeSpan.FromSeconds(5);
            db.Jobs.Add(new Job
            {
                Id = id, OwnerId = ownerId, Kind = AuditVerifyJob.KindName, Status = JobStatus.Running, Progress = 40, Stage = "working",
                Attempts = 1, MaxAttempts = 3, LeaseOwner = siloA, LeaseExpiresAt = leaseExpires,
                NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        await cluster.A.Process.KillAsync();
        // Killed before the lease lapsed, so whatever runs the job from here on is B.
        var killedAt = DateTimeOffset.UtcNow;
        Assert.True(killedAt < leaseExpires, $"A was gone only {(killedAt - leaseExpires).TotalSeconds:0.0} s after the job's lease lapsed; the test proves nothing.");

        using var throughB = await cluster.B.LoginAsync(cluster.AdminEmail, TwoProcessCluster.AdminPassword);
        var done = await cluster.EventuallyAsync($"job {id} to be resumed and succeed on B", async () =>
        {
            var view = (await throughB.GetFromJsonAsync<JobView>($"/api/jobs/{id}"))!;
            Assert.False(view.Status is JobStatus.Failed or JobStatus.Cancelled, $"job ended {view.Status}: {view.Error}");
            return view.Status == JobStatus.Succeeded ? view : null;
        });

        Assert.Equal(2, done.Attempts);
        Assert.True(JsonDocument.Parse(done.Result!).RootElement.GetProperty("ok").GetBoolean(), done.Result);

        // And the cluster noticed: B declares A dead in the membership table.
        var dead = await cluster.EventuallyAsync("A to be declared dead", async () =>
        {
            var rows = await cluster.SilosAsync(Dead);
            return rows.Any(s => s.Port == cluster.A.SiloPort) ? rows : null;
        });
        Assert.Contains(dead, s => s.SiloName == siloA);
    }
}
