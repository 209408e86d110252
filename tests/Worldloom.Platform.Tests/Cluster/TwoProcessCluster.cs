using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;
using Worldloom.Server.Data;

namespace Worldloom.Platform.Tests.Cluster;

/// <summary>
/// Two real <c>loom serve</c> processes in PostgreSQL cluster mode on a fresh database of the test PostgreSQL
/// (<c>LOOM_TEST_POSTGRES</c>): separate data dirs and ports, the same signing keys, one admin made with
/// <c>loom admin create</c>. Disposing kills both processes and drops the database.
/// </summary>
public sealed class TwoProcessCluster : IAsyncDisposable
{
    public const string AdminPassword = "correct horse battery staple";

    /// <summary>Bound on every wait: process start, cluster join, job completion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly List<string> _dirs = [];

    private TwoProcessCluster(string database)
    {
        Database = database;
    }

    /// <summary>The <c>LOOM_DB</c> both processes share.</summary>
    public string Database { get; }

    public string AdminEmail { get; } = $"admin-{Guid.NewGuid():N}@example.com";

    public Server A { get; private set; } = null!;

    public Server B { get; private set; } = null!;

    /// <summary>The admin made with the CLI; creating it also migrates the database and creates server A's keys.</summary>
    public static async Task<TwoProcessCluster> StartAsync()
    {
        var server = TestDatabase.PostgresServer
            ?? throw new InvalidOperationException("LOOM_TEST_POSTGRES is not set; the cluster tests need a PostgreSQL server.");
        var cluster = new TwoProcessCluster($"{server};Database=loom_c_{Guid.NewGuid():N}");
        try
        {
            await cluster.StartServersAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Silos of this cluster in the given Orleans status (3 active, 6 dead), from the membership table.</summary>
    public async Task<List<(int Port, string SiloName)>> SilosAsync(int status)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT port, siloname FROM orleansmembershiptable WHERE status = @status ORDER BY port", connection);
        command.Parameters.AddWithValue("status", status);
        await using var reader = await command.ExecuteReaderAsync();
        var silos = new List<(int, string)>();
        while (await reader.ReadAsync())
        {
            silos.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return silos;
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or fails the test after <see cref="Patience"/> with both servers' output.</summary>
    public async Task<T> EventuallyAsync<T>(string what, Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Timed out after {Patience.TotalSeconds:0} s waiting for {what}.\n{A.Process.Output}\n{B.Process.Output}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A context on the shared database, as the servers see it.</summary>
    public PostgresLoomDb Db() => new(new DbContextOptionsBuilder<PostgresLoomDb>().UseNpgsql(Database).Options);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in new[] { A, B })
        {
            if (server is not null)
            {
                await server.Process.DisposeAsync();
                server.Client.Dispose();
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(Database);
        var name = builder.Database;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        foreach (var dir in _dirs)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp cleanup; the processes that held it are gone.
            }
        }
    }

    private async Task StartServersAsync()
    {
        var dataA = TempDir();
        var dataB = TempDir();
        await LoomProcess.RunAsync(
            "loom admin create",
            ["admin", "create", "--email", AdminEmail, "--password-stdin", "--data", dataA],
            new Dictionary<string, string> { ["LOOM_DB"] = Database },
            AdminPassword,
            Patience);

        // Tokens and audit entries signed by one process must verify in the other: same key store contents.
        CopyDirectory(Path.Combine(dataA, "keys"), Path.Combine(dataB, "keys"));

        // One blob folder, as a cluster without S3 would mount a shared volume: a file one node's job stored (a world
        // document, a video segment) is served by the other node too.
        var blobs = TempDir();

        // A selects the mode with LOOM_CLUSTER, B with the configuration key, so both ways are exercised.
        A = Start("A", dataA, new Dictionary<string, string> { ["LOOM_CLUSTER"] = "postgres", ["Loom__Blobs__Directory"] = blobs });
        B = Start("B", dataB, new Dictionary<string, string> { ["Loom__Cluster__Mode"] = "postgres", ["Loom__Blobs__Directory"] = blobs });
        await Task.WhenAll(A.Process.WaitHealthyAsync(A.Client.BaseAddress!, Patience), B.Process.WaitHealthyAsync(B.Client.BaseAddress!, Patience));
    }

    private Server Start(string name, string dataDir, Dictionary<string, string> environment)
    {
        var http = FreePort.Next();
        var silo = FreePort.Next();
        var gateway = FreePort.Next();
        environment["LOOM_DB"] = Database;
        // Short leases and sweeps, so an abandoned job is picked up within seconds rather than half a minute.
        environment["Loom__Jobs__LeaseDuration"] = "00:00:03";
        environment["Loom__Jobs__LeaseRenewal"] = "00:00:01";
        environment["Loom__Jobs__SweepInterval"] = "00:00:00.500";
        var process = LoomProcess.Start(
            name,
            ["serve", "--urls", $"http://127.0.0.1:{http}", "--silo-port", Text(silo), "--gateway-port", Text(gateway), "--data", dataDir],
            environment);
        return new Server(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromSeconds(30) }, silo);
    }

    private string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "loom-cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        _dirs.Add(dir);
        return dir;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One <c>loom serve</c> process and an HTTP client pointed at it.</summary>
    public sealed record Server(LoomProcess Process, HttpClient Client, int SiloPort)
    {
        /// <summary>Logs in through this server and returns a client carrying the access token.</summary>
        public async Task<HttpClient> LoginAsync(string email, string password)
        {
            using var login = await Client.PostAsJsonAsync("/api/auth/login", new { email, password });
            Assert.True(login.IsSuccessStatusCode, $"login through {Process.Name} answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
            var tokens = (await login.Content.ReadFromJsonAsync<TokenPair>())!;
            var client = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = Client.Timeout };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            return client;
        }
    }
}
