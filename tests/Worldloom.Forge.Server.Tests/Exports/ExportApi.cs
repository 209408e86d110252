using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests.Exports;

/// <summary>Shared steps of the export tests: a ready world, an export followed to its end, a download.</summary>
public static class ExportApi
{
    /// <summary>A small generated world of <paramref name="user"/>'s; returns its id and hash.</summary>
    public static async Task<(Guid Id, string Hash)> WorldAsync(TestUser user, object? body = null)
    {
        var world = await ForgeApi.WorldAsync(user, await ForgeApi.ProjectAsync(user), body ?? new { seed = "export coast", size = 64, name = "Dragon Coast é!" });
        return (world.GetProperty("id").GetGuid(), world.GetProperty("hash").GetString()!);
    }

    /// <summary>Starts an export (202 expected) and waits for its job to succeed; returns the export's view.</summary>
    public static async Task<JsonElement> ExportAsync(TestUser user, Guid world, object body)
    {
        var started = await StartAsync(user, $"/api/worlds/{world}/exports", body);
        return await ReadyAsync(user, started);
    }

    /// <summary>POSTs and checks the 202: its Location, export id, job id and URLs.</summary>
    public static async Task<JsonElement> StartAsync(TestUser user, string url, object body)
    {
        var response = await user.Client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        var started = JsonDocument.Parse(text).RootElement;
        var id = started.GetProperty("exportId").GetGuid();
        Assert.Equal($"/api/exports/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"/api/exports/{id}", started.GetProperty("status").GetString());
        Assert.Equal($"/api/exports/{id}/download", started.GetProperty("download").GetString());
        return started;
    }

    /// <summary>Waits for the export's job to succeed; returns the export's view.</summary>
    public static async Task<JsonElement> ReadyAsync(TestUser user, JsonElement started)
    {
        var job = await ForgeApi.JobAsync(user, started.GetProperty("jobId").GetGuid(), JobStatus.Succeeded);
        Assert.Equal(100, job.Progress);
        var view = await user.Client.GetFromJsonAsync<JsonElement>(started.GetProperty("status").GetString());
        Assert.Equal("ready", view.GetProperty("status").GetString());
        return view;
    }

    /// <summary>Downloads a ready export's ZIP and checks its headers.</summary>
    public static async Task<byte[]> DownloadAsync(TestUser user, JsonElement view)
    {
        var response = await user.Client.GetAsync(view.GetProperty("downloadUrl").GetString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(view.GetProperty("bundle").GetProperty("fileName").GetString(), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(view.GetProperty("bundle").GetProperty("size").GetInt64(), bytes.LongLength);
        return bytes;
    }
}
