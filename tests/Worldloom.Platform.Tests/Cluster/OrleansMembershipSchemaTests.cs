using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Cluster;

/// <summary>
/// Orleans' own ADO.NET membership table driven against our PostgreSQL script, through the paths a healthy two-process
/// run never takes: stale versions refused, suspicions stored and read back, dead silos cleaned up.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class OrleansMembershipSchemaTests
{
    [PostgresClusterFact]
    public async Task MembershipTable_OnOurSchema_KeepsTheProvidersContract()
    {
        await using var host = await LoomHost.StartAsync(
            database: TestDatabase.Fresh(), settings: new Dictionary<string, string?> { ["Loom:Cluster:Mode"] = "postgres" });
        var table = host.Services.GetRequiredService<IMembershipTable>();
        var self = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var before = await table.ReadAllAsync();
        Assert.Equal(SiloStatus.Active, Assert.Single(before.Members).Item1.Status);

        // A silo that died a day ago, as a crashed process leaves it once the others have voted it out.
        var past = DateTime.UtcNow.AddDays(-1);
        var ghost = SiloAddress.New(IPAddress.Loopback, FreePort.Next(), 4242);
        var entry = new MembershipEntry
        {
            SiloAddress = ghost, SiloName = "ghost", HostName = "elsewhere", Status = SiloStatus.Dead, ProxyPort = 0,
            StartTime = past, IAmAliveTime = past,
        };

        Assert.False(await table.InsertRowAsync(entry, new TableVersion(before.Version.Version + 1, "999999")), "insert with a stale version etag");
        Assert.True(await table.InsertRowAsync(entry, before.Version.Next()));
        Assert.False(await table.InsertRowAsync(entry, before.Version.Next()), "the same insert twice");

        var inserted = await table.ReadRowAsync(ghost);
        Assert.Equal(before.Version.Version + 1, inserted.Version.Version);
        var (stored, etag) = Assert.Single(inserted.Members);
        Assert.Equal(("ghost", "elsewhere", SiloStatus.Dead), (stored.SiloName, stored.HostName, stored.Status));

        stored.SuspectTimes = [Tuple.Create(self, past)];
        Assert.False(await table.UpdateRowAsync(stored, etag, before.Version.Next()), "update with a stale version etag");
        Assert.True(await table.UpdateRowAsync(stored, etag, inserted.Version.Next()));
        var updated = Assert.Single((await table.ReadRowAsync(ghost)).Members).Item1;
        Assert.Equal(self, Assert.Single(updated.SuspectTimes ?? []).Item1);

        var alive = past.AddMinutes(1);
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = ghost, IAmAliveTime = alive });
        var heartbeat = await table.ReadRowAsync(ghost);
        Assert.Equal(inserted.Version.Version + 1, heartbeat.Version.Version);
        Assert.True((Assert.Single(heartbeat.Members).Item1.IAmAliveTime - alive).Duration() < TimeSpan.FromMilliseconds(1));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        var after = await table.ReadAllAsync();
        Assert.Equal(self, Assert.Single(after.Members).Item1.SiloAddress);
    }
}
