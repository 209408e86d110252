using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class HostingTests
{
    [Fact]
    public async Task Health_ReportsDatabaseKeysAndBlobs()
    {
        await using var host = await LoomHost.StartAsync();

        var response = await host.Client().GetAsync("/health");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("keys").GetProperty("status").GetString());
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("blobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        await using var host = await LoomHost.StartAsync();

        var doc = await host.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/register", "/api/auth/login", "/api/me", "/api/projects", "/api/admin/users", "/api/admin/audit" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task UnknownApiPath_IsProblem404()
    {
        await using var host = await LoomHost.StartAsync();

        var response = await host.Client().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RateLimit_AnonymousBurst_Gets429WithRetryAfter()
    {
        await using var host = await LoomHost.StartAsync(b =>
        {
            b.Configuration["Loom:RateLimits:PerIpBurst"] = "5";
            b.Configuration["Loom:RateLimits:PerIpPerSecond"] = "1";
        });
        var client = host.Client();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            responses.Add(await client.GetAsync("/.well-known/jwks.json"));
        }

        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await ProblemJson.AssertAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task RateLimit_IsPerUser_OneUserDoesNotStarveAnother()
    {
        await using var host = await LoomHost.StartAsync(b =>
        {
            b.Configuration["Loom:RateLimits:PerUserBurst"] = "10";
            b.Configuration["Loom:RateLimits:PerUserPerSecond"] = "1";
        });
        var greedy = await host.UserAsync();
        var polite = await host.UserAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            statuses.Add((await greedy.Client.GetAsync("/api/projects")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await polite.Client.GetAsync("/api/projects")).StatusCode);
    }

    [Fact]
    public async Task AuthEndpoints_HaveTheirOwnTighterLimit()
    {
        await using var host = await LoomHost.StartAsync(b => b.Configuration["Loom:RateLimits:AuthPerMinute"] = "3");
        var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "whatever password" })).StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Metrics_ExposeRequestsJobsAndAudit()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        (await user.Client.PostAsJsonAsync("/api/projects", new { name = "Measured" })).EnsureSuccessStatusCode();

        var text = await host.Client().GetStringAsync("/metrics");

        Assert.Contains("http_request_duration_seconds", text);
        Assert.Contains("loom_audit_appends_total", text);
        Assert.Contains("loom_jobs_finished_total", text);
        Assert.Contains("microsoft_orleans_", text);
    }
}
