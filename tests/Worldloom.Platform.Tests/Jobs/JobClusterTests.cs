using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Server.Data;

namespace Worldloom.Platform.Tests.Jobs;

/// <summary>Jobs on a real two-silo Orleans cluster (TestingHost) sharing one database: the cluster spreads them.</summary>
[Trait("Category", "Integration")]
public sealed class JobClusterTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "loom-cluster-" + Guid.NewGuid().ToString("N"));
    private TestCluster _cluster = null!;
    private string? _database;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _database = Support.TestDatabase.Fresh();
        var target = DatabaseTarget.Resolve(_database, _dir);
        await using (var db = Open(target))
        {
            await DatabaseTarget.MigrateAsync(db);
        }

        var builder = new TestClusterBuilder(2);
        builder.Properties["LoomDb"] = target.ConnectionString;
        builder.Properties["LoomDbPostgres"] = target.IsPostgres.ToString();
        builder.AddSiloBuilderConfigurator<PlatformSilo>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        // Deployed is not yet joined: until both silos are active in the membership, every grain is placed on the
        // first one (all twenty jobs on one silo, seen on PostgreSQL in CI).
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await management.GetHosts(onlyActive: true)).Count < 2)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task TwentyJobs_RunOnBothSilos_AndAllSucceed()
    {
        var target = DatabaseTarget.Resolve(_database, _dir);
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        await using (var db = Open(target))
        {
            var now = DateTimeOffset.UtcNow;
            db.Jobs.AddRange(ids.Select(id => new Job { Id = id, OwnerId = Guid.NewGuid(), Kind = "test.steps", NextAttemptAt = now, CreatedAt = now, UpdatedAt = now }));
            await db.SaveChangesAsync();
        }

        foreach (var id in ids)
        {
            await _cluster.Client.GetGrain<IJobGrain>(id).StartAsync();
        }

        List<Job> jobs;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var db = Open(target);
            jobs = await db.Jobs.AsNoTracking().ToListAsync();
            if (jobs.All(j => JobStatus.IsFinal(j.Status)))
            {
                break;
            }

            // A stall says which jobs stopped where, instead of only that time ran out.
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                "jobs not final after 90 s: " + string.Join("; ", jobs.Where(j => !JobStatus.IsFinal(j.Status)).Select(j => $"{j.Id} {j.Status} attempts {j.Attempts} on {j.LeaseOwner} error {j.Error}")));
            await Task.Delay(100);
        }

        Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.All(jobs, j => Assert.Equal(1, j.Attempts));
        Assert.Equal(2, jobs.Select(j => j.LeaseOwner).Distinct().Count());
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        if (_database is not null)
        {
            await using var db = Open(DatabaseTarget.Resolve(_database, _dir));
            await db.Database.EnsureDeletedAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static LoomDb Open(DatabaseTarget target) => target.IsPostgres
        ? new PostgresLoomDb(new DbContextOptionsBuilder<PostgresLoomDb>().UseNpgsql(target.ConnectionString).Options)
        : new SqliteLoomDb(new DbContextOptionsBuilder<SqliteLoomDb>().UseSqlite(target.ConnectionString).Options);

    /// <summary>What a Worldloom silo needs to run jobs: the database, the clock, the runner and a handler.</summary>
    private sealed class PlatformSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connection = siloBuilder.Configuration["LoomDb"]!;
            var postgres = bool.Parse(siloBuilder.Configuration["LoomDbPostgres"]!);
            var services = siloBuilder.Services;
            if (postgres)
            {
                services.AddDbContext<LoomDb, PostgresLoomDb>(o => o.UseNpgsql(connection));
            }
            else
            {
                services.AddDbContext<LoomDb, SqliteLoomDb>(o => o.UseSqlite(connection));
            }

            services.AddSingleton(LoomClock.SystemClock);
            services.AddOptions<JobOptions>();
            services.AddSingleton<JobRunner>();
            services.AddSingleton<IJobHandler, StepsJob>();
        }
    }
}
