using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Worldloom.Platform.Tests.Support;
using Worldloom.Server;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>The real server on Kestrel in this process, on a free port, with a fresh database; deleted on dispose.</summary>
public sealed class KestrelChat : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private KestrelChat(WebApplication app, string dataDir)
    {
        _app = app;
        _dataDir = dataDir;
        Address = new Uri(app.Urls.First());
        WebSocketUri = new Uri(new Uri(Address.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), "/api/chat/ws");
    }

    public Uri Address { get; }

    public Uri WebSocketUri { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KestrelChat> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "loom-test-" + Guid.NewGuid().ToString("N"));
        var options = new LoomServerOptions { DataDir = dataDir, Database = TestDatabase.Fresh(), Urls = "http://127.0.0.1:0", WebRoot = "/nonexistent" };
        options.Settings["Loom:RateLimits:AuthPerMinute"] = "100000";
        options.Settings["Loom:Chat:RateLimits:ConnectionBurst"] = "1000";
        options.Settings["Loom:Chat:RateLimits:UserBurst"] = "1000";
        options.Settings["Loom:Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Settings["Loom:Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Settings["Loom:Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.Settings[key] = value;
        }
        var app = LoomServer.Build(options, b => b.Logging.ClearProviders());
        await LoomServer.MigrateAsync(app);
        await app.StartAsync();
        return new KestrelChat(app, dataDir);
    }

    public static async Task<Guid> PublicRoomAsync(HttpClient owner)
    {
        using var response = await owner.PostAsJsonAsync("/api/chat/rooms", new { name = "Tavern", topic = "rumours", kind = "public" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task JoinAsync(HttpClient user, Guid room)
    {
        using var response = await user.PostAsync(new Uri($"/api/chat/rooms/{room}/join", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
