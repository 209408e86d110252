using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests;

/// <summary>Shared steps of the Forge API tests: a project, a generated world, waiting for jobs.</summary>
public static class ForgeApi
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<Guid> ProjectAsync(TestUser user)
    {
        var response = await user.Client.PostAsJsonAsync("/api/projects", new { name = "Forge test" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Creates a world and waits until it is ready; returns its view.</summary>
    public static async Task<JsonElement> WorldAsync(TestUser user, Guid project, object body)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/projects/{project}/worlds", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var world = JsonDocument.Parse(text).RootElement;
        var job = await JobAsync(user, world.GetProperty("jobId").GetGuid(), JobStatus.Succeeded);
        Assert.Equal(100, job.Progress);
        return await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{world.GetProperty("id").GetGuid()}");
    }

    public static Task<JobView> JobAsync(TestUser user, Guid id, string status) => JobWait.ForStatusAsync(user, id, status, Patience);

    public static async Task<byte[]> PngAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(bytes.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']), $"{url} is not a PNG");
        return bytes;
    }

    /// <summary>Width and height from a PNG's IHDR.</summary>
    public static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
