using System.Net;
using System.Net.Http.Json;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Cluster;

namespace Worldloom.Realms.Tests.Realtime;

/// <summary>
/// Two <c>loom serve</c> processes in one Orleans cluster: a zone's grain lives on one, and players connected to
/// either node play in it, its snapshots crossing to the other node's gateway.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class RealmClusterTests
{
    [PostgresClusterFact]
    public async Task PlayersOnBothNodes_SeeEachOther()
    {
        await using var cluster = await TwoProcessCluster.StartAsync();
        await cluster.EventuallyAsync("both silos active in the membership table", async () =>
        {
            var active = await cluster.SilosAsync(3);
            return active.Count == 2 ? active : null;
        });
        using var viaA = await cluster.A.LoginAsync(cluster.AdminEmail, TwoProcessCluster.AdminPassword);
        using var viaB = await cluster.B.LoginAsync(cluster.AdminEmail, TwoProcessCluster.AdminPassword);
        var project = await RealmHost.JsonAsync(await viaA.PostAsJsonAsync("/api/projects", new { name = "Cluster realm" }), HttpStatusCode.Created);
        var worldId = await SharedWorldAsync(cluster, viaA, viaB, project.GetProperty("id").GetGuid());
        var realm = (await RealmHost.JsonAsync(await viaA.PostAsJsonAsync("/api/realms", new { worldId, name = "Two nodes", preset = "world" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var first = (await RealmHost.JsonAsync(await viaA.PostAsJsonAsync($"/api/realms/{realm}/characters", new { name = "Alpha", @class = "mage" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await RealmHost.JsonAsync(await viaB.PostAsJsonAsync($"/api/realms/{realm}/characters", new { name = "Beta", @class = "mage" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await using var atA = await GameSocket.OpenAsync(cluster.A.Client.BaseAddress!);
        await atA.JoinAsync(viaA.DefaultRequestHeaders.Authorization!.Parameter!, first);
        await using var atB = await GameSocket.OpenAsync(cluster.B.Client.BaseAddress!);
        await atB.JoinAsync(viaB.DefaultRequestHeaders.Authorization!.Parameter!, second);

        // Whichever node holds the zone, one of the two gateways gets its snapshots from the other node.
        await Task.WhenAll(
            atA.SnapshotAsync(s => s.Entities.Any(e => e.Id == atB.Welcome!.EntityId), "the player on node B"),
            atB.SnapshotAsync(s => s.Entities.Any(e => e.Id == atA.Welcome!.EntityId), "the player on node A"));
    }

    /// <summary>
    /// A generated world, whichever node's job runner made it; both nodes share one blob folder, so both serve its
    /// document (the zone grain may load it on either).
    /// </summary>
    private static async Task<Guid> SharedWorldAsync(TwoProcessCluster cluster, HttpClient viaA, HttpClient viaB, Guid project)
    {
        var world = await RealmHost.JsonAsync(await viaA.PostAsJsonAsync($"/api/projects/{project}/worlds", new { seed = "cluster", size = 128 }), HttpStatusCode.Accepted);
        var id = world.GetProperty("id").GetGuid();
        await cluster.EventuallyAsync("the world generated", async () =>
        {
            var job = await viaA.GetFromJsonAsync<JobView>($"/api/jobs/{world.GetProperty("jobId").GetGuid()}");
            Assert.False(job!.Status is JobStatus.Failed or JobStatus.Cancelled, job.Error);
            return job.Status == JobStatus.Succeeded ? job : null;
        });
        using var atA = await viaA.GetAsync($"/api/worlds/{id}/document");
        using var atB = await viaB.GetAsync($"/api/worlds/{id}/document");
        Assert.Equal(HttpStatusCode.OK, atA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atB.StatusCode);
        return id;
    }
}
