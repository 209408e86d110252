using System.Diagnostics;
using System.Text.Json;

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
        var process = project.StartNode("server.js", ["0"]);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine($"[peer] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new BenchSetupException($"the Socket.IO peer exited ({(process.HasExited ? process.ExitCode : -1)}) before listening.");
            using var ready = JsonDocument.Parse(line);
            var port = ready.RootElement.GetProperty("port").GetInt32();
            return new ChatPeerServer(process, new Uri($"http://127.0.0.1:{port}/"));
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
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
