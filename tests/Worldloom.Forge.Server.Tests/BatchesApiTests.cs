using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests;

[Trait("Category", "Integration")]
public sealed class BatchesApiTests
{
    [Fact]
    public async Task Batch_SummarisesEverySeed_SortsByAnyColumn_AndHasThumbnails()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var project = await ForgeApi.ProjectAsync(user);

        var response = await user.Client.PostAsJsonAsync($"/api/projects/{project}/batches", new { seeds = "1..12", size = 64 });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        await ForgeApi.JobAsync(user, batch.GetProperty("jobId").GetGuid(), JobStatus.Succeeded);

        var id = batch.GetProperty("id").GetGuid();
        var sorted = await user.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}?sort=landPermille&order=desc");
        var items = sorted.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(12, items.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("seed").GetString()!).Order(StringComparer.Ordinal));
        var land = items.Select(i => i.GetProperty("landPermille").GetInt32()).ToList();
        Assert.Equal(land.OrderDescending(), land);
        Assert.Equal(12, items.Select(i => i.GetProperty("hash").GetString()).Distinct().Count());

        var bySettlements = await user.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}?sort=settlements");
        var counts = bySettlements.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("settlements").GetInt32()).ToList();
        Assert.Equal(counts.Order(), counts);
        var byOcean = await user.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}?sort=biome:ocean&order=desc");
        Assert.Equal(12, byOcean.GetProperty("items").GetArrayLength());

        var png = await ForgeApi.PngAsync(user.Client, items[0].GetProperty("thumbnail").GetString()!);
        Assert.Equal((64, 64), ForgeApi.PngSize(png));
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/batches/{id}?sort=mood"), HttpStatusCode.BadRequest, "sort");
    }

    [Fact]
    public async Task Batch_CanBeCancelled_KeepingTheSeedsAlreadyDone()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var project = await ForgeApi.ProjectAsync(user);
        var response = await user.Client.PostAsJsonAsync($"/api/projects/{project}/batches", new { seeds = "1..1000", size = 64 });
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = batch.GetProperty("id").GetGuid();

        var cancel = await user.Client.DeleteAsync($"/api/batches/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await ForgeApi.JobAsync(user, batch.GetProperty("jobId").GetGuid(), JobStatus.Cancelled);
        var after = await user.Client.GetFromJsonAsync<JsonElement>($"/api/batches/{id}");
        Assert.True(after.GetProperty("items").GetArrayLength() < 1000);
    }

    [Theory]
    [InlineData("""{"seeds": "1..1001", "size": 64}""", "seeds")]
    [InlineData("""{"seeds": "10..1", "size": 64}""", "seeds")]
    [InlineData("""{"seeds": "a..b", "size": 64}""", "seeds")]
    [InlineData("""{"seeds": [], "size": 64}""", "seeds")]
    [InlineData("""{"seeds": [1, 1], "size": 64}""", "seeds[1]")]
    [InlineData("""{"size": 64}""", "seeds")]
    [InlineData("""{"seeds": "1..1000", "size": 1024}""", "seeds")]
    [InlineData("""{"seeds": "1..3", "size": 32}""", "size")]
    public async Task Batch_BadInput_IsAProblemNamingTheField(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var project = await ForgeApi.ProjectAsync(user);

        var response = await user.Client.PostAsync($"/api/projects/{project}/batches", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }
}
