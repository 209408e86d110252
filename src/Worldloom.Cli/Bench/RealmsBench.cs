using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Worldloom.Cli.Bench;

/// <summary>
/// <c>loom bench realms</c>: bots that walk and cast over WebSockets, against Worldloom's zones (started in this
/// process) and then against a Colyseus peer with as many zones, driven by one Node.js load generator
/// (<c>bench/realms-load</c>): connected bots, tick p50/p99 and overruns, bytes per client per second, CPU. With
/// <c>--find-ccu</c>, the largest bot count each server holds. Prints a table, then one JSON line.
/// </summary>
internal static class RealmsBench
{
    /// <summary>
    /// The in-process server's limits on connecting, raised as for the chat bench: every bot comes from 127.0.0.1, and
    /// its upgrade carries no token. The game socket's own frame limit (60 a second per connection) stays.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ServerSettings = new Dictionary<string, string>
    {
        ["Loom:RateLimits:PerIpPerSecond"] = "1000000",
        ["Loom:RateLimits:PerIpBurst"] = "1000000",
        ["Loom:RateLimits:UpgradePerIpPerSecond"] = "1000000",
        ["Loom:RateLimits:UpgradePerIpBurst"] = "1000000",
        ["Loom:RateLimits:PerUserPerSecond"] = "1000000",
        ["Loom:RateLimits:PerUserBurst"] = "1000000",
    };

    /// <summary>Runs the bench and returns the exit code.</summary>
    public static async Task<int> RunAsync(RealmsBenchSettings settings, CancellationToken ct)
    {
        var console = new BenchConsole();
        var log = console.Log;
        var load = MachineInfo.LoadAverage();
        var generator = NodeProject.Locate("bench/realms-load");
        await generator.EnsureInstalledAsync(log, ct);

        RealmsLoadResult? ours = null;
        RealmsLoadResult? peer = null;
        if (settings.Servers.HasFlag(RealmsBenchServers.Ours))
        {
            ours = await RunOursAsync(settings, generator, log, ct);
        }

        // Ours is stopped by now, so the peer does not share the cores with it.
        if (settings.Servers.HasFlag(RealmsBenchServers.Peer))
        {
            var project = NodeProject.Locate("bench/peers/colyseus-realms");
            await project.EnsureInstalledAsync(log, ct);
            await log.WriteLineAsync("Starting the Colyseus peer (bench/peers/colyseus-realms) ...");
            await using var server = await RealmsPeerServer.StartAsync(project, settings.Zones, settings.Creatures, log, ct);
            peer = await RunGeneratorAsync(generator, "peer", server.BaseAddress, server.Stats, server.ProcessId, null, settings, log, ct);
        }

        var report = RealmsBenchReport.Create(
            settings, ours is null ? null : RealmsServerFigures.From(ours, settings.FindCcu), peer is null ? null : RealmsServerFigures.From(peer, settings.FindCcu), load);
        PrintTable(settings, report);
        Console.WriteLine(report.ToJson());

        foreach (var (name, run) in new[] { ("Worldloom", ours), ("the peer", peer) })
        {
            if (run is not null && run.Steps[0].Connected == 0)
            {
                await Console.Error.WriteLineAsync($"error: no bot could join {name}: {string.Join(", ", run.Connect.Failures.Select(f => $"{f.Key} ({f.Value})"))}");
                return 1;
            }
        }

        return 0;
    }

    private static async Task<RealmsLoadResult> RunOursAsync(RealmsBenchSettings settings, NodeProject generator, TextWriter log, CancellationToken ct)
    {
        await log.WriteLineAsync("Starting the server in this process (fresh SQLite database in a temporary data dir) ...");
        using var ticks = new RealmsTickRecorder();
        await using var server = await BenchServer.StartAsync(settings.WebRoot, ct, ServerSettings, app =>
            app.MapGet(RealmsTickRecorder.Path, (HttpContext http) => TypedResults.Ok(ticks.Read(http.Request.Query["reset"] == "1")))
                .AllowAnonymous()
                .DisableRateLimiting()
                .ExcludeFromDescription());
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var bots = settings.Steps.Max();
        var slots = await RealmsBenchWorld.CreateAsync(server, client, bots, settings.Zones, log, ct);
        var setupFile = await RealmsBenchWorld.WriteSetupFileAsync(slots, ct);
        try
        {
            return await RunGeneratorAsync(
                generator, "ours", server.BaseAddress, new Uri(server.BaseAddress, RealmsTickRecorder.Path), Environment.ProcessId, setupFile, settings, log, ct);
        }
        finally
        {
            File.Delete(setupFile);
        }
    }

    private static async Task<RealmsLoadResult> RunGeneratorAsync(
        NodeProject project, string target, Uri url, Uri stats, int serverPid, string? setupFile, RealmsBenchSettings settings, TextWriter log, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var args = new List<string>
        {
            "--target", target,
            "--url", url.ToString(),
            "--stats-url", stats.ToString(),
            "--server-pid", serverPid.ToString(inv),
            "--steps", string.Join(',', settings.Steps.Select(s => s.ToString(inv))),
            "--seconds", settings.Duration.TotalSeconds.ToString(inv),
            "--warmup", settings.Warmup.TotalSeconds.ToString(inv),
            "--zones", settings.Zones.ToString(inv),
            "--ramp", settings.Ramp.ToString(inv),
        };
        if (setupFile is not null)
        {
            args.AddRange(["--setup", setupFile]);
        }

        var result = await project.RunForResultAsync<RealmsLoadResult>("load.js", args, target, log, ct);
        return result.Steps is { Count: > 0 } ? result : throw new BenchSetupException($"the load generator measured no step against {target}.");
    }

    private static void PrintTable(RealmsBenchSettings settings, RealmsBenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var what = settings.FindCcu ? $"CCU search up to {settings.MaxBots} bots in steps of {settings.Step}" : $"{settings.Bots} bots";
        Console.WriteLine(string.Create(inv,
            $"loom bench realms: {what} over {settings.Zones} zones, {settings.Duration.TotalSeconds:0.#} s measured after {settings.Warmup.TotalSeconds:0.#} s; peer: {settings.Creatures} creatures a zone; load generator: Node.js, one process; {report.Machine}; load average {report.LoadAvg1m?.ToString("0.00", inv) ?? "-"}"));
        Console.WriteLine();
        Console.WriteLine($"{"",-10} {"bots",6} {"failed",7} {"dropped",8} {"tick p50",9} {"tick p99",9} {"overruns",9} {"B/s/bot",8} {"msg/s",6} {"srv cores",10} {"gen cores",10} {"other",6} {"ccu",6}");
        foreach (var (name, f) in new[] { ("worldloom", report.Ours), ("colyseus", report.Peer) })
        {
            if (f is null)
            {
                continue;
            }

            Console.WriteLine(string.Create(inv,
                $"{name,-10} {f.ConnectedBots,6} {f.FailedBots,7} {f.DroppedBots,8} {f.TickP50Ms?.ToString("0.00", inv) ?? "-",9} {f.TickP99Ms?.ToString("0.00", inv) ?? "-",9} {f.TickOverruns?.ToString(inv) ?? "-",9} {f.BytesPerSecPerClient,8} {f.FramesPerSecPerClient,6:0.0} {f.ServerCores?.ToString("0.00", inv) ?? "-",10} {f.GeneratorCores,10:0.00} {f.OtherCores?.ToString("0.00", inv) ?? "-",6} {f.Ccu?.ToString(inv) ?? "-",6}"));
            if (f.Errors.Count > 0)
            {
                Console.WriteLine($"           refusals, errors and closes: {string.Join(", ", f.Errors.Select(e => $"{e.Key} {e.Value}"))}");
            }

            if (f.GeneratorSaturated)
            {
                Console.WriteLine("           the load generator fell behind (its loop over a tick late): these figures describe it, not the server.");
            }
        }

        Console.WriteLine();
        foreach (var (name, target) in report.Targets)
        {
            var verdict = target.Met switch { true => "met", false => "NOT met", null => "not measured" };
            Console.WriteLine(string.Create(inv, $"target {name}: goal {target.Goal:0.###}, measured {target.Value?.ToString("0.###", inv) ?? "-"}: {verdict}"));
        }
    }
}
