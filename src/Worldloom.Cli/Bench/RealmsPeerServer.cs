using System.Diagnostics;
using System.Globalization;

namespace Worldloom.Cli.Bench;

/// <summary>
/// The Colyseus peer (<c>bench/peers/colyseus-realms/server.mjs</c>) running in its own Node.js process on a free
/// port, until disposed.
/// </summary>
internal sealed class RealmsPeerServer : IAsyncDisposable
{
    private readonly Process _process;

    private RealmsPeerServer(Process process, Uri baseAddress, Uri stats)
    {
        _process = process;
        BaseAddress = baseAddress;
        Stats = stats;
    }

    /// <summary>Where the Colyseus server listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Its tick timings (<c>GET /stats</c> on a port of their own).</summary>
    public Uri Stats { get; }

    /// <summary>The peer's process id, whose CPU the load generator reads.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the peer with <paramref name="zones"/> rooms' worth of <paramref name="creatures"/> each and waits until it listens.</summary>
    public static async Task<RealmsPeerServer> StartAsync(NodeProject project, int zones, int creatures, TextWriter log, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var (process, ready) = await project.StartPeerAsync("server.mjs", ["0", "--zones", zones.ToString(inv), "--creatures", creatures.ToString(inv)], log, ct);
        return new RealmsPeerServer(
            process, new Uri($"http://127.0.0.1:{ready.GetProperty("port").GetInt32()}/"), new Uri($"http://127.0.0.1:{ready.GetProperty("statsPort").GetInt32()}/stats"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }
}
