using System.Globalization;

namespace Worldloom.Cli.Bench;

/// <summary>
/// <c>loom bench chat</c>: the same room-broadcast scenario against Worldloom's chat WebSocket and against a Socket.IO
/// peer, driven by one Node.js load generator (<c>bench/chat-load</c>): idle-connection memory, throughput with a window
/// of outstanding sends per client, then latency in an open loop at half that throughput. Prints a table, then one
/// JSON line.
/// </summary>
internal static class ChatBench
{
    /// <summary>Share of owed deliveries that may go missing before the run exits 1: a lossy figure is no figure.</summary>
    public const double MaxLostShare = 0.001;

    /// <summary>
    /// The in-process server's frame limits, raised so that what is measured is the relay and not the limiter: a bench
    /// user has several connections, each sending as fast as acks come. Key names as in <c>ChatRealtimeOptions</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ServerSettings = new Dictionary<string, string>
    {
        ["Loom:Chat:RateLimits:ConnectionBurst"] = "1000000",
        ["Loom:Chat:RateLimits:ConnectionPerSecond"] = "1000000",
        ["Loom:Chat:RateLimits:UserBurst"] = "1000000",
        ["Loom:Chat:RateLimits:UserPerSecond"] = "1000000",

        // The upgrade request carries no token (auth is the first frame, as a browser must do it), so it counts against
        // the per-address limit on in-band-authenticated upgrades (200/s, burst 1,000), and the logins against the
        // anonymous one; every bench connection comes from 127.0.0.1.
        ["Loom:RateLimits:PerIpPerSecond"] = "1000000",
        ["Loom:RateLimits:PerIpBurst"] = "1000000",
        ["Loom:RateLimits:UpgradePerIpPerSecond"] = "1000000",
        ["Loom:RateLimits:UpgradePerIpBurst"] = "1000000",
    };

    /// <summary>Runs the bench and returns the exit code.</summary>
    public static async Task<int> RunAsync(ChatBenchSettings settings, CancellationToken ct)
    {
        var console = new BenchConsole();
        var log = console.Log;
        var load = MachineInfo.LoadAverage();
        var generator = NodeProject.Locate("bench/chat-load");
        await generator.EnsureInstalledAsync(log, ct);

        ChatLoadResult? ours = null;
        ChatLoadResult? peer = null;
        if (settings.Servers.HasFlag(ChatBenchServers.Ours))
        {
            ours = await RunOursAsync(settings, generator, log, ct);
        }

        if (settings.Servers.HasFlag(ChatBenchServers.Peer))
        {
            var project = NodeProject.Locate("bench/peers/socketio-chat");
            await project.EnsureInstalledAsync(log, ct);
            await log.WriteLineAsync("Starting the Socket.IO peer (bench/peers/socketio-chat) ...");
            await using var server = await ChatPeerServer.StartAsync(project, log, ct);
            peer = await ChatLoadGenerator.RunAsync(generator, "peer", server.BaseAddress, server.ProcessId, null, settings, log, ct);
        }

        var report = ChatBenchReport.Create(
            settings, ours is null ? null : ChatServerFigures.From(ours, storesMessages: true), peer is null ? null : ChatServerFigures.From(peer, storesMessages: false), load);
        PrintTable(settings, ours, peer, report);
        Console.WriteLine(report.ToJson());

        var failed = false;
        foreach (var run in new[] { ours, peer })
        {
            var owed = run is null ? 0 : run.Max.Delivered + run.Half.Delivered;
            var lost = run is null ? 0 : run.Max.Lost + run.Half.Lost;
            if (run is not null && (lost > owed * MaxLostShare || run.Max.Delivered == 0))
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: against {run.Target}, {lost} deliveries owed by acknowledged messages never arrived and {run.Max.Delivered} arrived in the throughput phase."));
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

    // The server (when in-process) is stopped before the peer runs, so the peer does not share the cores with it.
    private static async Task<ChatLoadResult> RunOursAsync(ChatBenchSettings settings, NodeProject generator, TextWriter log, CancellationToken ct)
    {
        BenchServer? server = null;
        if (settings.Url is null)
        {
            await log.WriteLineAsync("Starting the server in this process (fresh SQLite database in a temporary data dir) ...");
            server = await BenchServer.StartAsync(settings.WebRoot, ct, ServerSettings);
        }

        await using (server)
        {
            using var client = new HttpClient { BaseAddress = server?.BaseAddress ?? settings.Url, Timeout = TimeSpan.FromSeconds(60) };
            var slots = await ChatBenchRooms.CreateAsync(client, settings, log, ct);
            var setupFile = await ChatBenchRooms.WriteSetupFileAsync(slots, ct);
            try
            {
                if (server is not null)
                {
                    // The setup's garbage (Argon2id for every account, HTTP clients) would otherwise be collected and
                    // its memory returned during the idle phase, offsetting the connections' own growth in RSS.
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                }

                var pid = server is not null ? Environment.ProcessId : settings.ServerPid;
                return await ChatLoadGenerator.RunAsync(generator, "ours", client.BaseAddress!, pid, setupFile, settings, log, ct);
            }
            finally
            {
                File.Delete(setupFile);
            }
        }
    }

    private static void PrintTable(ChatBenchSettings settings, ChatLoadResult? ours, ChatLoadResult? peer, ChatBenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var where = ours is null ? "Worldloom not measured" : settings.Url is null ? "Worldloom in this process (SQLite)" : $"Worldloom at {settings.Url}";
        Console.WriteLine(string.Create(inv,
            $"loom bench chat: {settings.Clients} clients in {settings.Rooms} rooms, {report.Users} users; {settings.Window} sends outstanding per client for {settings.Warmup.TotalSeconds:0.#} s + {settings.Duration.TotalSeconds:0.#} s, then half that load for {settings.Duration.TotalSeconds:0.#} s; {settings.Idle} idle connections; {where}; load generator: Node.js, one process; {report.Machine}"));
        Console.WriteLine("Worldloom acks a message once it is stored in the database; the Socket.IO peer stores nothing and acks once it has broadcast.");
        Console.WriteLine();
        Console.WriteLine($"{"",-10} {"deliv/s",10} {"sends/s",9} {"p50 ms",8} {"p99 ms",8} {"½ deliv/s",10} {"½ p50",7} {"½ p99",7} {"idle",6} {"B/idle",7} {"conn/s",7} {"lost",6} {"srv cores",9} {"gen cores",9} {"other",6}");
        foreach (var (name, run) in new[] { ("worldloom", ours), ("socket.io", peer) })
        {
            if (run is null)
            {
                continue;
            }

            Console.WriteLine(string.Create(inv,
                $"{name,-10} {run.Max.DeliveredPerSec,10:0} {run.Max.SendsPerSec,9:0} {run.Max.Latency.P50Ms,8:0.00} {run.Max.Latency.P99Ms,8:0.00} {run.Half.DeliveredPerSec,10:0} {run.Half.Latency.P50Ms,7:0.00} {run.Half.Latency.P99Ms,7:0.00} {run.Idle?.Connected ?? 0,6} {run.Idle?.BytesPerConnection?.ToString(inv) ?? "-",7} {run.Idle?.PerSec ?? run.Connect.PerSec,7:0} {run.Max.Lost + run.Half.Lost,6} {run.Max.Cpu.ServerCores?.ToString("0.00", inv) ?? "-",9} {run.Max.Cpu.GeneratorCores,9:0.00} {run.Max.Cpu.OtherCores?.ToString("0.00", inv) ?? "-",6}"));
            foreach (var (label, failures, retries) in new[] { ("idle", run.Idle?.Failures, run.Idle?.Retries ?? 0), ("client", run.Connect.Failures, run.Connect.Retries) })
            {
                if (failures is { Count: > 0 } || retries > 0)
                {
                    Console.WriteLine($"           {label} connections failed: {string.Join(", ", (failures ?? new Dictionary<string, int>()).Select(f => $"{f.Key} ({f.Value})"))}; upgrades retried after 429: {retries}");
                }
            }

            var errors = run.Max.Errors.Concat(run.Half.Errors).ToList();
            if (errors.Count > 0)
            {
                Console.WriteLine($"           refusals and closes: {string.Join(", ", errors.Select(e => $"{e.Key} {e.Value}"))}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Latency: sender's clock reading in the body to receipt, same process; at half load from each send's due time (open loop).");
        foreach (var (name, target) in report.Targets)
        {
            var verdict = target.Met switch { true => "met", false => "NOT met", null => "not measured" };
            Console.WriteLine(string.Create(inv, $"target {name}: goal {target.Goal:0.##}, measured {target.Value?.ToString("0.##", inv) ?? "-"}: {verdict}"));
        }
    }
}
