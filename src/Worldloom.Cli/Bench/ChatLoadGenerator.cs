using System.Globalization;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Runs <c>bench/chat-load/load.js</c> against one server and reads its result. The same program drives both servers,
/// so they face one scenario and one measurement; only the client library differs (<c>ws</c> for Worldloom's plain
/// WebSocket protocol, <c>socket.io-client</c> for the peer).
/// </summary>
internal static class ChatLoadGenerator
{
    /// <summary>
    /// Runs the generator with <paramref name="target"/> <c>ours</c> or <c>peer</c> at <paramref name="url"/>;
    /// <paramref name="serverPid"/> is the process whose memory and CPU it reads (null: unknown), and
    /// <paramref name="setupFile"/> the connections' tokens and rooms (ours only).
    /// </summary>
    public static async Task<ChatLoadResult> RunAsync(
        NodeProject project, string target, Uri url, int? serverPid, string? setupFile, ChatBenchSettings settings, TextWriter log, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var args = new List<string>
        {
            "--target", target,
            "--url", url.ToString(),
            "--clients", settings.Clients.ToString(inv),
            "--rooms", settings.Rooms.ToString(inv),
            "--seconds", settings.Duration.TotalSeconds.ToString(inv),
            "--warmup", settings.Warmup.TotalSeconds.ToString(inv),
            "--window", settings.Window.ToString(inv),
            "--idle", settings.Idle.ToString(inv),
        };
        if (serverPid is { } pid)
        {
            args.AddRange(["--server-pid", pid.ToString(inv)]);
        }

        if (setupFile is not null)
        {
            args.AddRange(["--setup", setupFile]);
        }

        return await project.RunForResultAsync<ChatLoadResult>("load.js", args, target, log, ct);
    }
}
