using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Worldloom.Server;

namespace Worldloom.Cli.Bench;

/// <summary>
/// The real server, built by <see cref="LoomServer.Build"/> exactly as <c>loom serve</c> builds it, started in this
/// process on free ports with a fresh SQLite database in a temporary data dir that is deleted afterwards.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private BenchServer(WebApplication app, string dataDir, Uri baseAddress)
    {
        _app = app;
        _dataDir = dataDir;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's services, for setup the API does not offer (admin accounts, as <c>loom admin</c> makes them).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Builds, migrates and starts the server; <paramref name="webRoot"/> as for <c>loom serve</c>;
    /// <paramref name="settings"/> are configuration entries a bench needs on top of these (e.g. raised limits);
    /// <paramref name="map"/> adds a bench's own endpoints.
    /// </summary>
    public static async Task<BenchServer> StartAsync(
        string? webRoot, CancellationToken ct, IReadOnlyDictionary<string, string>? settings = null, Action<WebApplication>? map = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "loom-bench-" + Guid.NewGuid().ToString("N"));
        var options = new LoomServerOptions { DataDir = dataDir, Urls = "http://127.0.0.1:0", WebRoot = webRoot };
        options.Settings["Loom:Cluster:SiloPort"] = FreePort();
        options.Settings["Loom:Cluster:GatewayPort"] = FreePort();
        options.Settings["Loom:Cluster:ClusterId"] = "bench-" + Guid.NewGuid().ToString("N");

        // Setup registers and logs in every bench user from this one address, which the 60-a-minute limit on
        // /api/auth/* would stretch over minutes. Only that policy is raised; the per-user limit that the measured
        // endpoints pass through keeps its default.
        options.Settings["Loom:RateLimits:AuthPerMinute"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            options.Settings[key] = value;
        }

        // The server's log lines would interleave with the progress bar and the JSON line; failures still show up as
        // counted non-2xx responses and errors.
        var app = LoomServer.Build(options, b => b.Logging.ClearProviders());

        // The reference point: the same pipeline (problem details, authentication, metrics) ending in an endpoint that
        // does nothing. It is anonymous, so the per-address limit for anonymous callers (20/s) is lifted for it alone.
        app.MapGet(BenchEndpoint.Baseline.Path, () => TypedResults.Ok(BaselineBody.Instance))
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
        map?.Invoke(app);
        try
        {
            await LoomServer.MigrateAsync(app);
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            Delete(dataDir);
            throw;
        }

        // Port 0 above: Kestrel picks a free port and reports the address it bound.
        return new BenchServer(app, dataDir, new Uri(app.Urls.First()));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();

        // Pooled connections keep loom.db open, and an open file cannot be deleted everywhere.
        SqliteConnection.ClearAllPools();
        Delete(_dataDir);
    }

    // The silo and gateway ports must be known before the silo starts, so they cannot be left to the OS as the HTTP
    // port is; another process could take one in between, which only makes the start fail loudly.
    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private static void Delete(string dataDir)
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp dir, which the OS cleans; not worth failing a finished benchmark over.
        }
    }
}
