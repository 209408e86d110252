using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests;

[Trait("Category", "Integration")]
public sealed class WorldsApiTests
{
    [Fact]
    public async Task Create_GeneratesWorld_WhoseDocumentHashesToItsName_AndMatchesLocalGeneration()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var project = await ForgeApi.ProjectAsync(user);

        var world = await ForgeApi.WorldAsync(user, project, new { seed = "dragon coast", size = 128, preset = "archipelago" });

        Assert.Equal("ready", world.GetProperty("status").GetString());
        Assert.Equal(1, world.GetProperty("head").GetInt32());
        var hash = world.GetProperty("hash").GetString()!;
        var document = await user.Client.GetByteArrayAsync($"/api/worlds/{world.GetProperty("id")}/document");
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(document)));

        // The server's world is the one this process generates from the same recipe: same bytes everywhere.
        var local = WorldBuild.Run(ForgeSeed.Parse("dragon coast"), new WorldParameters { Width = 128, Height = 128, Preset = WorldPreset.Archipelago }, null, [], null, default);
        Assert.Equal(hash, local.Hash);
        Assert.True(world.GetProperty("summary").GetProperty("landPermille").GetInt32() > 0);
        var listed = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/worlds")).EnumerateArray().Single();
        Assert.Equal(hash, listed.GetProperty("hash").GetString());
        Assert.Equal(world.GetProperty("summary").GetRawText(), listed.GetProperty("summary").GetRawText());
    }

    [Fact]
    public async Task Create_ReportsAStagePerPipelineStage_AndAnAuditEntry()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var project = await ForgeApi.ProjectAsync(user);
        var world = await ForgeApi.WorldAsync(user, project, new { seed = 7, size = 96 });

        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "world.create").Select(a => a.Target).ToListAsync());
        Assert.Contains($"world:{world.GetProperty("id").GetGuid()}", audit);
    }

    [Theory]
    [InlineData("""{"size": 10, "seed": 1}""", "size")]
    [InlineData("""{"width": 5000, "seed": 1}""", "width")]
    [InlineData("""{"size": 64}""", "seed")]
    [InlineData("""{"seed": "", "size": 64}""", "seed")]
    [InlineData("""{"seed": true, "size": 64}""", "seed")]
    [InlineData("""{"seed": 1, "preset": "moon"}""", "preset")]
    [InlineData("""{"seed": 1, "seaLevel": 101}""", "seaLevel")]
    [InlineData("""{"seed": 1, "factionCount": 0}""", "factionCount")]
    [InlineData("""{"seed": 1, "size": "big"}""", "size")]
    [InlineData("""{"seed": 1, "rules": "function onHeightmap(world, rng) { return ; "}""", "rules")]
    [InlineData("""{"seed": 1, "overrides": [{"kind": "teleport"}]}""", "overrides[0].kind")]
    [InlineData("""{"seed": 1, "overrides": {}}""", "overrides")]
    public async Task Create_BadInput_IsAProblemNamingTheField_AndCreatesNothing(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var project = await ForgeApi.ProjectAsync(user);

        var response = await user.Client.PostAsync($"/api/projects/{project}/worlds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<WorldRecord>().CountAsync()));
        Assert.Equal(0, await host.WithDbAsync(db => db.QuotaUsage.SumAsync(q => q.Used)));
    }

    [Fact]
    public async Task Create_InSomeoneElsesProject_Is404_AndWithoutToken_401()
    {
        await using var host = await LoomHost.StartAsync();
        var owner = await host.UserAsync();
        var other = await host.UserAsync();
        var project = await ForgeApi.ProjectAsync(owner);

        var response = await other.Client.PostAsJsonAsync($"/api/projects/{project}/worlds", new { seed = 1, size = 64 });
        await ProblemJson.AssertAsync(response, HttpStatusCode.NotFound);
        var anonymous = await host.Client().PostAsJsonAsync($"/api/projects/{project}/worlds", new { seed = 1, size = 64 });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task OthersWorld_IsNotFound_OnEveryRoute()
    {
        await using var host = await LoomHost.StartAsync();
        var owner = await host.UserAsync();
        var other = await host.UserAsync();
        var world = await ForgeApi.WorldAsync(owner, await ForgeApi.ProjectAsync(owner), new { seed = 3, size = 64 });
        var id = world.GetProperty("id").GetGuid();

        foreach (var url in new[] { "", "/document", "/features", "/npcs", "/map.png", "/snapshots", "/overrides", "/diff?from=1", "/tiles/biomes/0/0/0.png" })
        {
            var response = await other.Client.GetAsync($"/api/worlds/{id}{url}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        var append = await other.Client.PostAsJsonAsync($"/api/worlds/{id}/overrides", new { @base = 1, overrides = new[] { new { kind = "add_poi", poiKind = "ruin", name = "X", location = new { x = 1, y = 1 } } } });
        Assert.Equal(HttpStatusCode.NotFound, append.StatusCode);
    }

    [Fact]
    public async Task Quota_FreeTierGetsTwoWorldsAWeek_ThenA429WithRetryAfter()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Free);
        var project = await ForgeApi.ProjectAsync(user);
        for (var i = 0; i < 2; i++)
        {
            var ok = await user.Client.PostAsJsonAsync($"/api/projects/{project}/worlds", new { seed = i, size = 64 });
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
            Assert.Equal((1 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Headers.GetValues("X-Quota-Remaining").Single());
        }

        var refused = await user.Client.PostAsJsonAsync($"/api/projects/{project}/worlds", new { seed = 9, size = 64 });
        await ProblemJson.AssertAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(2, await host.WithDbAsync(db => db.Set<WorldRecord>().CountAsync()));
    }

    [Fact]
    public async Task Maps_EveryLayerIsAPngOfTheWorldsSize_ScaledAndTiled()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), new { seed = 42, width = 128, height = 96 });
        var id = world.GetProperty("id").GetGuid();

        foreach (var layer in new[] { "height", "biomes", "rivers", "political", "settlements" })
        {
            var png = await ForgeApi.PngAsync(user.Client, $"/api/worlds/{id}/map.png?layer={layer}");
            Assert.Equal((128, 96), ForgeApi.PngSize(png));
        }

        Assert.Equal((64, 48), ForgeApi.PngSize(await ForgeApi.PngAsync(user.Client, $"/api/worlds/{id}/map.png?layer=biomes&maxSide=64")));
        Assert.Equal((256, 256), ForgeApi.PngSize(await ForgeApi.PngAsync(user.Client, $"/api/worlds/{id}/tiles/biomes/1/1/0.png")));
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/worlds/{id}/map.png?layer=gold"), HttpStatusCode.BadRequest, "layer");
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/worlds/{id}/map.png?maxSide=5"), HttpStatusCode.BadRequest, "maxSide");
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/worlds/{id}/tiles/biomes/1/2/0.png"), HttpStatusCode.BadRequest, "x");
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/worlds/{id}/tiles/biomes/8/0/0.png"), HttpStatusCode.BadRequest, "z");
    }

    [Fact]
    public async Task Npcs_FilterBySettlement_AndUnknownSettlementIsAProblem()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), new { seed = 42, size = 128 });
        var id = world.GetProperty("id").GetGuid();
        var features = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/features");
        var settlement = features.GetProperty("settlements")[0];
        var settlementId = settlement.GetProperty("id").GetString();

        var npcs = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{id}/npcs?settlement={settlementId}");
        Assert.True(npcs.GetArrayLength() > 0);
        Assert.All(npcs.EnumerateArray(), n => Assert.Equal(settlementId, n.GetProperty("settlementId").GetString()));
        Assert.Contains(settlement.GetProperty("biome").GetString(), BiomeNames.All);
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/worlds/{id}/npcs?settlement=settlement-99999"), HttpStatusCode.BadRequest, "settlement");
    }

    [Fact]
    public async Task Preview_DrawsASmallWorld_WithServerTiming_AndRefusesBigOnes()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/forge/preview", new { seed = "x", size = 128, layer = "biomes" });
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((128, 128), ForgeApi.PngSize(png));
        Assert.StartsWith("forge;dur=", response.Headers.GetValues("Server-Timing").Single(), StringComparison.Ordinal);
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync("/api/forge/preview", new { seed = "x", size = 512 }), HttpStatusCode.BadRequest, "size");
        Assert.Equal(0, await host.WithDbAsync(db => db.QuotaUsage.SumAsync(q => q.Used)));
    }
}
