using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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

        var export = await client.PostAsJsonAsync("/v5/export", new { worldId = world.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(await user.Client.GetByteArrayAsync($"/api/worlds/{world.GetProperty("id")}/document"), await export.Content.ReadAsByteArrayAsync());
        await ProblemJson.AssertAsync(await client.PostAsJsonAsync("/v5/export", new { worldId = world.GetProperty("id").GetGuid(), format = "unity" }), HttpStatusCode.BadRequest, "format");
        await ProblemJson.AssertAsync(await client.PostAsJsonAsync("/v5/export", new { format = "json" }), HttpStatusCode.BadRequest, "worldId");
        var stranger = await host.UserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync("/v5/export", new { worldId = world.GetProperty("id").GetGuid() })).StatusCode);
        await ProblemJson.AssertAsync(await client.PostAsJsonAsync("/v5/generate", new { seed = 1 }), HttpStatusCode.BadRequest, "projectId");
        var badLogin = await host.Client().PostAsJsonAsync("/v5/session", new { email = user.Email, password = "wrong password!!" });
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
    }
}
