using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Forge.Export.Bundles;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests;

[Trait("Category", "Integration")]
public sealed class PacAiApiTests
{
    [Fact]
    public async Task V5_SessionProjectsGenerate_MeanWhatTheNativeRoutesMean()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var client = host.Client();

        var session = await client.PostAsJsonAsync("/v5/session", new { email = user.Email, password = LoomHost.Password });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var created = await client.PostAsJsonAsync("/v5/projects", new { name = "PacAI project" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var list = await client.GetFromJsonAsync<JsonElement>("/v5/projects");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == project);

        var generate = await client.PostAsJsonAsync("/v5/generate", new { projectId = project, seed = 99, size = 64 });
        Assert.Equal(HttpStatusCode.Accepted, generate.StatusCode);
        var world = await generate.Content.ReadFromJsonAsync<JsonElement>();
        await ForgeApi.JobAsync(user with { Client = client }, world.GetProperty("jobId").GetGuid(), JobStatus.Succeeded);
        var native = await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{world.GetProperty("id")}");
        Assert.Equal("ready", native.GetProperty("status").GetString());

        var stranger = await host.UserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync("/v5/export", new { worldId = world.GetProperty("id").GetGuid() })).StatusCode);
        await ProblemJson.AssertAsync(await client.PostAsJsonAsync("/v5/generate", new { seed = 1 }), HttpStatusCode.BadRequest, "projectId");
        var badLogin = await host.Client().PostAsJsonAsync("/v5/session", new { email = user.Email, password = "wrong password!!" });
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
    }

    [Fact]
    public async Task V5_Export_StartsTheSameExportAsTheNativeRoute_WithItsTierRules()
    {
        await using var host = await LoomHost.StartAsync();
        var free = await host.UserAsync(tier: Tiers.Free);
        var (world, hash) = await Exports.ExportApi.WorldAsync(free);

        // No format: json, PacAI's own export, as a bundle.
        var started = await Exports.ExportApi.StartAsync(free, "/v5/export", new { worldId = world });
        var view = await Exports.ExportApi.ReadyAsync(free, started);
        Assert.Equal(["json"], view.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        var zip = await Exports.ExportApi.DownloadAsync(free, view);
        var verification = BundleVerifier.Verify(new MemoryStream(zip));
        Assert.True(verification.Valid);
        Assert.Equal(hash, verification.Manifest!.World.Hash);
        var native = await Exports.ExportApi.DownloadAsync(free, await Exports.ExportApi.ExportAsync(free, world, new { engines = new[] { "json" } }));
        Assert.Equal(native, zip);

        var locked = await ProblemJson.AssertAsync(await free.Client.PostAsJsonAsync("/v5/export", new { worldId = world, format = "unity" }), HttpStatusCode.Forbidden);
        Assert.Equal("pro", locked.GetProperty("requiredTier").GetString());
        await ProblemJson.AssertAsync(await free.Client.PostAsJsonAsync("/v5/export", new { worldId = world, format = "gold" }), HttpStatusCode.BadRequest, "format");
        await ProblemJson.AssertAsync(await free.Client.PostAsJsonAsync("/v5/export", new { worldId = world, format = "json", engines = new[] { "json" } }), HttpStatusCode.BadRequest, "format");
        await ProblemJson.AssertAsync(await free.Client.PostAsJsonAsync("/v5/export", new { worldId = world, engines = 3 }), HttpStatusCode.BadRequest, "engines");
        await ProblemJson.AssertAsync(await free.Client.PostAsJsonAsync("/v5/export", new { format = "json" }), HttpStatusCode.BadRequest, "worldId");

        var pro = await host.UserAsync(tier: Tiers.Pro);
        var (proWorld, _) = await Exports.ExportApi.WorldAsync(pro);
        var tiled = await Exports.ExportApi.ReadyAsync(pro, await Exports.ExportApi.StartAsync(pro, "/v5/export", new { worldId = proWorld, engines = new[] { "tiled", "json" } }));
        Assert.Equal(["json", "tiled"], tiled.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        var one = await Exports.ExportApi.ReadyAsync(pro, await Exports.ExportApi.StartAsync(pro, "/v5/export", new { worldId = proWorld, format = "tiled", snapshot = 1 }));
        Assert.Equal(["tiled"], one.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await free.Client.PostAsJsonAsync("/v5/export", new { worldId = proWorld })).StatusCode);
    }
}
