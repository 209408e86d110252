using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Tests.Support;
using Worldloom.Realms.Realtime;

namespace Worldloom.Realms.Tests;

/// <summary>
/// One real server with one generated 256 × 256 world (2 × 2 zones) shared by a test class: generation takes seconds,
/// and the world is never edited. Each test makes its own users and realms.
/// </summary>
public sealed class RealmHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public LoomHost Host { get; private set; } = null!;

    /// <summary>The user who owns <see cref="WorldId"/>.</summary>
    public TestUser Owner { get; private set; } = null!;

    public Guid WorldId { get; private set; }

    public FlakyHandOver HandOver { get; } = new();

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        // A short auth deadline, so the test of it waits two seconds, not ten; a hand-over that can be made to fail.
        Host = await LoomHost.StartAsync(
            configure: b => b.Services.AddSingleton<ZoneHandOver>(HandOver),
            settings: new Dictionary<string, string?> { ["Loom:Realms:AuthTimeout"] = "00:00:02" });
        Owner = await Host.UserAsync();
        WorldId = await WorldAsync(Owner, "realm host", 256);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Creates a project and a world in it, and waits until it is generated.</summary>
    public static async Task<Guid> WorldAsync(TestUser user, string seed, int size, bool wait = true)
    {
        var project = await user.Client.PostAsJsonAsync("/api/projects", new { name = "Realms test" });
        project.EnsureSuccessStatusCode();
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var response = await user.Client.PostAsJsonAsync($"/api/projects/{projectId}/worlds", new { seed, size });
        var world = await JsonAsync(response, HttpStatusCode.Accepted);
        if (wait)
        {
            await JobAsync(user, world.GetProperty("jobId").GetGuid());
        }

        return world.GetProperty("id").GetGuid();
    }

    /// <summary>Creates a realm on the shared world (owned by <see cref="Owner"/>).</summary>
    public async Task<JsonElement> RealmAsync(string preset = "world", TestUser? owner = null, Guid? worldId = null, string? visibility = null)
    {
        var response = await (owner ?? Owner).Client.PostAsJsonAsync("/api/realms", new { worldId = worldId ?? WorldId, name = "Test realm", preset, visibility });
        return await JsonAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Creates a character in a realm.</summary>
    public static async Task<JsonElement> CharacterAsync(TestUser user, Guid realm, string? name = null)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/realms/{realm}/characters", new { name = name ?? "Ada" + Guid.NewGuid().ToString("N")[..6], @class = "mage" });
        return await JsonAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static Task JobAsync(TestUser user, Guid id) => JobWait.ForStatusAsync(user, id, JobStatus.Succeeded, Patience);
}
