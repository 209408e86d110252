using System.Diagnostics;

namespace Worldloom.Cli.Bench;

/// <summary>
/// The Socket.IO room-broadcast peer (<c>bench/peers/socketio-chat/server.js</c>) running in its own Node.js process on
/// a free port, until disposed.
/// </summary>
internal sealed class ChatPeerServer : IAsyncDisposable
{
    private readonly Process _process;

    private ChatPeerServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the peer listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The peer's process id, whose memory and CPU the load generator reads.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the peer and waits until it reports its port.</summary>
    public static async Task<ChatPeerServer> StartAsync(NodeProject project, TextWriter log, CancellationToken ct)
    {
        var (process, ready) = await project.StartPeerAsync("server.js", ["0"], log, ct);
        return new ChatPeerServer(process, new Uri($"http://127.0.0.1:{ready.GetProperty("port").GetInt32()}/"));
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
