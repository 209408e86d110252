using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Server;

namespace Worldloom.Platform.Tests.Support;

/// <summary>The real server on an in-memory transport, its own data dir and database, and a clock the test controls.</summary>
public sealed class LoomHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly WebApplication _app;

    private readonly bool _keepData;

    private LoomHost(WebApplication app, string dataDir, string? database, ManualClock clock, bool keepData)
    {
        _keepData = keepData;
        _app = app;
        DataDir = dataDir;
        Database = database;
        Clock = clock;
    }

    public string DataDir { get; }

    public string? Database { get; }

    public ManualClock Clock { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a host. Pass <paramref name="dataDir"/> and <paramref name="database"/> of an earlier host (started with
    /// <paramref name="keepData"/>) to restart on the same data. <paramref name="settings"/> are applied over the test
    /// defaults, for what must be known before the host is built (the cluster mode).
    /// </summary>
    public static async Task<LoomHost> StartAsync(
        Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null, string? dataDir = null, string? database = null, bool keepData = false,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "loom-test-" + Guid.NewGuid().ToString("N"));
        database ??= TestDatabase.Fresh();
        var clock = new ManualClock(ManualClock.Wednesday);
        var options = new LoomServerOptions { DataDir = dataDir, Database = database, WebRoot = "/nonexistent" };
        // Integration tests make many requests from one address; the limiter is tested on its own with low limits.
        options.Settings["Loom:RateLimits:AuthPerMinute"] = "100000";
        options.Settings["Loom:RateLimits:PerIpBurst"] = "100000";
        options.Settings["Loom:RateLimits:PerIpPerSecond"] = "100000";
        // Each host is its own one-silo cluster on free ports, so hosts in parallel tests never meet.
        options.Settings["Loom:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Settings["Loom:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Settings["Loom:Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.Settings[key] = value;
        }

        for (var attempt = 1; ; attempt++)
        {
            var app = LoomServer.Build(options, b =>
            {
                b.WebHost.UseTestServer();
                b.Logging.ClearProviders();
                b.Services.AddSingleton(new LoomClock(clock));
                configure?.Invoke(b);
            });
            map?.Invoke(app);
            try
            {
                await LoomServer.MigrateAsync(app);
                await app.StartAsync();
                return new LoomHost(app, dataDir, database, clock, keepData);
            }
            catch (Exception e) when (attempt < 3 && FreePort.IsAddressInUse(e) && settings?.ContainsKey("Loom:Cluster:SiloPort") != true)
            {
                // Another process took a port between choosing and binding it: try again on new ones.
                await app.DisposeAsync();
                options.Settings["Loom:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
                options.Settings["Loom:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public HttpClient Client(string? accessToken = null)
    {
        var client = _app.GetTestClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>A WebSocket client on the in-memory transport.</summary>
    public WebSocketClient WebSockets() => _app.GetTestServer().CreateWebSocketClient();

    /// <summary>Registers a user (optionally promoting them) and logs in.</summary>
    public async Task<TestUser> UserAsync(string role = Roles.User, string tier = Tiers.Free)
    {
        var email = $"u{Guid.NewGuid():N}@example.com";
        var client = Client();
        var reg = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Tester" });
        reg.EnsureSuccessStatusCode();
        var user = (await reg.Content.ReadFromJsonAsync<UserView>())!;
        if (role != Roles.User || tier != Tiers.Free)
        {
            await WithDbAsync(async db =>
            {
                var row = await db.Users.SingleAsync(u => u.Id == user.Id);
                row.Role = role;
                row.Tier = tier;
                await db.SaveChangesAsync();
            });
        }

        return await LoginAsync(user.Id, email);
    }

    /// <summary>Logs in again, e.g. after moving the clock past the access token's lifetime.</summary>
    public async Task<TestUser> LoginAsync(Guid id, string email)
    {
        var login = await Client().PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var tokens = (await login.Content.ReadFromJsonAsync<TokenPair>())!;
        return new TestUser(id, email, tokens.AccessToken, tokens.RefreshToken, Client(tokens.AccessToken));
    }

    public async Task WithDbAsync(Func<LoomDb, Task> action)
    {
        using var scope = _app.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<LoomDb>());
    }

    public async Task<T> WithDbAsync<T>(Func<LoomDb, Task<T>> action)
    {
        using var scope = _app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<LoomDb>());
    }

    public async ValueTask DisposeAsync()
    {
        // Stop first: a silo in PostgreSQL cluster mode records its shutdown in the database, and would retry for minutes
        // against a dropped one.
        await _app.StopAsync();
        if (Database is not null && !_keepData)
        {
            await WithDbAsync(db => db.Database.EnsureDeletedAsync());
        }

        await _app.DisposeAsync();
        if (_keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request; the temp dir is cleaned by the OS later.
        }
    }
}

public sealed record TestUser(Guid Id, string Email, string AccessToken, string RefreshToken, HttpClient Client);
