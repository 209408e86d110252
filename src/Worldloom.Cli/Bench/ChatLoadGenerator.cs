using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Runs <c>bench/chat-load/load.js</c> against one server and reads its result. The same program drives both servers,
/// so they face one scenario and one measurement; only the client library differs (<c>ws</c> for Worldloom's plain
/// WebSocket protocol, <c>socket.io-client</c> for the peer).
/// </summary>
internal static class ChatLoadGenerator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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

        using var process = project.StartNode("load.js", args);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var last = output.TrimEnd().Split('\n')[^1];
            if (process.ExitCode != 0 || last.Length == 0)
            {
                throw new BenchSetupException($"the load generator failed against {target} (exit {process.ExitCode}); its messages are above.");
            }

            return JsonSerializer.Deserialize<ChatLoadResult>(last, Json)
                ?? throw new BenchSetupException($"the load generator printed no result for {target}.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
