using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests;

[Trait("Category", "Integration")]
public sealed class WorldHistoryTests
{
    [Fact]
    public async Task Edit_Diff_Rollback_KeepEveryVersion_AndRegeneratingReproducesTheEditedWorld()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), new { seed = "history", size = 128 });
        var id = world.GetProperty("id").GetGuid();
        var original = world.GetProperty("hash").GetString();
        var features = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/features");
        var settlement = features.GetProperty("settlements")[0];
        var settlementId = settlement.GetProperty("id").GetString()!;
        var oldName = settlement.GetProperty("name").GetString();

        var edit = await user.Client.PostAsJsonAsync($"/api/worlds/{id}/overrides", new
        {
            @base = 1,
            message = "Rename the first town",
            overrides = new object[] { new { kind = "rename_settlement", settlementId, name = "Northwatch" } },
        });
        Assert.True(edit.StatusCode == HttpStatusCode.Created, await edit.Content.ReadAsStringAsync());
        var head = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}");
        Assert.Equal(2, head.GetProperty("head").GetInt32());
        Assert.NotEqual(original, head.GetProperty("hash").GetString());

        // Regenerating the seed with the stored override list gives exactly the edited world.
        var stored = await user.Client.GetStringAsync($"/api/worlds/{id}/overrides");
        var regenerated = WorldBuild.Run(ForgeSeed.Parse("history"), new WorldParameters { Width = 128, Height = 128 }, null, WorldCodec.ParseOverridesJson(stored), null, default);
        Assert.Equal(head.GetProperty("hash").GetString(), regenerated.Hash);

        var diff = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/diff?from=1&to=2");
        Assert.Equal(1, diff.GetProperty("counts").GetProperty("settlement.renamed").GetInt32());
        Assert.Contains($"\"{oldName}\" renamed to \"Northwatch\"", diff.GetProperty("changes")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var rollback = await user.Client.PostAsJsonAsync($"/api/worlds/{id}/snapshots/1/rollback", new { @base = 2 });
        Assert.Equal(HttpStatusCode.Created, rollback.StatusCode);
        head = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}");
        Assert.Equal(3, head.GetProperty("head").GetInt32());
        Assert.Equal(original, head.GetProperty("hash").GetString());
        var snapshots = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/snapshots");
        Assert.Equal([3, 2, 1], snapshots.EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
        Assert.Equal("rollback", snapshots[0].GetProperty("kind").GetString());
        Assert.Equal(1, snapshots[0].GetProperty("restoredFrom").GetInt32());
        var audit = await host.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains("world.edit", audit);
        Assert.Contains("world.rollback", audit);
    }

    [Fact]
    public async Task Edit_WithAnUnknownId_IsAProblemNamingTheOverride_AndTheHeadStays()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), new { seed = 5, size = 64 });
        var id = world.GetProperty("id").GetGuid();

        var response = await user.Client.PostAsJsonAsync($"/api/worlds/{id}/overrides", new
        {
            @base = 1,
            overrides = new object[] { new { kind = "rename_settlement", settlementId = "settlement-9999", name = "Nowhere" } },
        });

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "overrides[0].settlementId");
        var after = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}");
        Assert.Equal(1, after.GetProperty("head").GetInt32());
        Assert.Equal(world.GetProperty("hash").GetString(), after.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Edit_AgainstAnOldHead_Is409_AndConcurrentEditsNeverBothWin()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), new { seed = 11, size = 96 });
        var id = world.GetProperty("id").GetGuid();
        var features = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/features");
        var settlementId = features.GetProperty("settlements")[0].GetProperty("id").GetString()!;

        var edits = Enumerable.Range(0, 6).Select(i => user.Client.PostAsJsonAsync($"/api/worlds/{id}/overrides", new
        {
            @base = 1,
            overrides = new object[] { new { kind = "rename_settlement", settlementId, name = $"Town {i}" } },
        }));
        var results = await Task.WhenAll(edits);

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var snapshots = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/snapshots");
        Assert.Equal(2, snapshots.GetArrayLength());
        var stale = await user.Client.PostAsJsonAsync($"/api/worlds/{id}/snapshots/1/rollback", new { @base = 1 });
        await ProblemJson.AssertAsync(stale, HttpStatusCode.Conflict, "base");
    }

    [Theory]
    [InlineData("""{"overrides": []}""", "overrides")]
    [InlineData("""{"overrides": [{"kind": "rename_settlement"}], "base": 1}""", "overrides[0].settlementId")]
    [InlineData("""{"overrides": [{"kind": "rename_settlement", "settlementId": "settlement-1", "name": "x"}]}""", "base")]
    public async Task Edit_MalformedBody_IsAProblem(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), new { seed = 5, size = 64 });

        var response = await user.Client.PostAsync($"/api/worlds/{world.GetProperty("id")}/overrides", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }
}
