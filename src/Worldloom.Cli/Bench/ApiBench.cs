using System.Globalization;
using Worldloom.Platform.Hosting;

namespace Worldloom.Cli.Bench;

/// <summary>
/// <c>loom bench api</c>: authenticated <c>GET /api/me</c> and <c>GET /api/projects</c>, alternating, at a constant
/// arrival rate; then, as a reference point, a do-nothing endpoint at the same rate. Prints a table, then one JSON line.
/// </summary>
internal static class ApiBench
{
    /// <summary>Share of failed or non-2xx requests above which the run exits 1.</summary>
    public const double MaxFailureRate = 0.01;

    /// <summary>Runs the bench and returns the exit code.</summary>
    public static async Task<int> RunAsync(ApiBenchSettings settings, CancellationToken ct)
    {
        var console = new BenchConsole();
        var load = MachineInfo.LoadAverage();
        var (api, baseline) = await MeasureAsync(settings, console, ct);

        var report = Report(settings, api, baseline, load);
        PrintTable(settings, api, baseline, report);
        Console.WriteLine(report.ToJson());

        var failed = false;
        foreach (var (label, phase) in new[] { ("API", api), ("baseline", baseline) })
        {
            if (phase is not null && phase.FailureRate > MaxFailureRate)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"error: {phase.FailureRate:P1} of {label} requests failed ({phase.DescribeFailures()}), more than {MaxFailureRate:P0}."));
                failed = true;
            }
        }

        return failed ? 1 : 0;
    }

    // The server (when in-process) is stopped before anything is printed, so its shutdown cannot write after the JSON.
    private static async Task<(PhaseResult Api, PhaseResult? Baseline)> MeasureAsync(ApiBenchSettings settings, BenchConsole console, CancellationToken ct)
    {
        BenchServer? server = null;
        if (settings.Url is null)
        {
            await console.Log.WriteLineAsync("Starting the server in this process (fresh SQLite database in a temporary data dir) ...");
            server = await BenchServer.StartAsync(settings.WebRoot, ct);
        }

        await using (server)
        {
            var withBaseline = settings.Baseline && server is not null;
            if (settings.Baseline && server is null)
            {
                await console.Log.WriteLineAsync("Baseline skipped: GET /bench/baseline exists only on the bench's in-process server.");
            }

            using var handler = new SocketsHttpHandler
            {
                // One connection per worker, kept for the whole run: connection setup is not what is measured.
                MaxConnectionsPerServer = settings.Concurrency,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(5),
                UseCookies = false,
                AllowAutoRedirect = false,
            };
            using var client = new HttpClient(handler) { BaseAddress = server?.BaseAddress ?? settings.Url, Timeout = TimeSpan.FromSeconds(30) };

            await console.Log.WriteLineAsync($"Creating {settings.Users} users with {BenchAccounts.ProjectsPerUser} projects each on {client.BaseAddress} ...");
            var tokens = await BenchAccounts.CreateAsync(client, settings.Users, console.Log, ct);

            BenchEndpoint[] measured = [BenchEndpoint.Me, BenchEndpoint.Projects];
            if (settings.Warmup > TimeSpan.Zero)
            {
                BenchEndpoint[] all = withBaseline ? [.. measured, BenchEndpoint.Baseline] : measured;
                await console.RunAsync("warm-up", Phase(client, all, tokens, settings, settings.Warmup), ct);
            }

            var api = await console.RunAsync("api", Phase(client, measured, tokens, settings, settings.Duration), ct);
            var baseline = withBaseline
                ? await console.RunAsync("baseline", Phase(client, [BenchEndpoint.Baseline], tokens, settings, settings.Duration), ct)
                : null;
            return (api, baseline);
        }
    }

    private static OpenLoopPhase Phase(HttpClient client, BenchEndpoint[] endpoints, IReadOnlyList<string> tokens, ApiBenchSettings settings, TimeSpan duration) =>
        new(client, endpoints, tokens, settings.Rate, duration, settings.Concurrency);

    private static ApiBenchReport Report(ApiBenchSettings settings, PhaseResult api, PhaseResult? baseline, double? load) => new()
    {
        TargetRps = settings.Rate,
        AchievedRps = Math.Round(api.AchievedRps, 1),
        Requests = api.Requests,
        Errors = api.Errors,
        Non2xx = api.Non2xx,
        P50Ms = api.Latency.P50Ms,
        P95Ms = api.Latency.P95Ms,
        P99Ms = api.Latency.P99Ms,
        MaxMs = api.Latency.MaxMs,
        MeP95Ms = api.ByEndpoint[BenchEndpoint.Me.Name].P95Ms,
        ProjectsP95Ms = api.ByEndpoint[BenchEndpoint.Projects.Name].P95Ms,
        DispatchLagP99Ms = api.DispatchLag.P99Ms,
        CpuUsPerRequest = Math.Round(api.CpuMicrosecondsPerRequest),
        CoresUsed = Math.Round(api.CoresUsed, 2),
        OtherCoresBusy = api.OtherCoresBusy is { } other ? Math.Round(other, 2) : null,
        BaselineAchievedRps = baseline is null ? null : Math.Round(baseline.AchievedRps, 1),
        BaselineFailures = baseline is null ? null : baseline.Errors + baseline.Non2xx,
        BaselineCpuUsPerRequest = baseline is null ? null : Math.Round(baseline.CpuMicrosecondsPerRequest),
        BaselineOtherCoresBusy = baseline?.OtherCoresBusy is { } baselineOther ? Math.Round(baselineOther, 2) : null,
        BaselineP50Ms = baseline?.Latency.P50Ms,
        BaselineP95Ms = baseline?.Latency.P95Ms,
        BaselineP99Ms = baseline?.Latency.P99Ms,
        BaselineMaxMs = baseline?.Latency.MaxMs,
        P95VsBaseline = baseline is { Latency.P95Ms: > 0 } ? Math.Round(api.Latency.P95Ms / baseline.Latency.P95Ms, 2) : null,
        Concurrency = settings.Concurrency,
        Users = settings.Users,
        DurationS = settings.Duration.TotalSeconds,
        WarmupS = settings.Warmup.TotalSeconds,
        Server = settings.Url?.ToString() ?? "in-process",
        Database = settings.Url is null ? "sqlite" : null,
        Machine = MachineInfo.Describe(),
        LoadAvg1m = load,
    };

    private static void PrintTable(ApiBenchSettings settings, PhaseResult api, PhaseResult? baseline, ApiBenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var where = settings.Url is null
            ? "server in this process (SQLite), sharing its cores with the load generator"
            : $"server at {settings.Url}";
        Console.WriteLine(string.Create(inv,
            $"loom bench api: {settings.Rate} req/s for {settings.Duration.TotalSeconds:0.#} s after a {settings.Warmup.TotalSeconds:0.#} s warm-up, {settings.Concurrency} connections, {where}; {report.Machine}"));

        // Checked against the defaults: a server elsewhere may be configured otherwise, which the bench cannot see. The
        // suggestion keeps each user at 80% of the limit, since a burst can briefly run above the average rate.
        var perUser = settings.Rate / (double)settings.Users;
        var limit = new RateLimitOptions().PerUserPerSecond;
        Console.WriteLine(perUser <= limit
            ? string.Create(inv, $"Spread over {settings.Users} users: {perUser:0.#} req/s each, under the default per-user limit of {limit} req/s, so the limiter runs on every request but throttles none; the limit is not what is measured.")
            : string.Create(inv, $"warning: {perUser:0.#} req/s per user exceeds the default per-user limit of {limit} req/s; expect 429s. Use --users {(int)Math.Ceiling(settings.Rate / (limit * 0.8))} or more."));
        Console.WriteLine();
        Console.WriteLine($"{"",-20} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"failed",7} {"cpu µs/req",11}");
        foreach (var (name, summary) in api.ByEndpoint)
        {
            Console.WriteLine(Row(name, summary, null));
        }

        Console.WriteLine(Row("api (both)", api.Latency, api));
        if (baseline is not null)
        {
            Console.WriteLine(Row(BenchEndpoint.Baseline.Name, baseline.Latency, baseline));
        }

        Console.WriteLine(string.Create(inv,
            $"Latency runs from each request's scheduled send time (open loop); the load generator's own lateness (p50 {api.DispatchLag.P50Ms:0.###} ms, p99 {api.DispatchLag.P99Ms:0.###} ms) is included."));

        // Against --url on this machine the server itself is one of the "other" processes, so the note would mislead.
        foreach (var (label, phase) in new[] { ("api", api), ("baseline", baseline) })
        {
            if (settings.Url is null && phase?.OtherCoresBusy is > 0.25)
            {
                Console.WriteLine(string.Create(inv, $"note: other processes kept {phase.OtherCoresBusy:0.00} cores busy during the {label} phase; its figures include their noise."));
            }
        }

        if (api.Non2xx + api.Errors > 0)
        {
            Console.WriteLine($"API failures: {api.DescribeFailures()}");
        }
    }

    // Rate, failures and CPU belong to a phase, not to one endpoint within it, so endpoint rows leave them blank.
    private static string Row(string name, LatencySummary s, PhaseResult? phase) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {s.Count,9} {phase?.AchievedRps.ToString("0.0", CultureInfo.InvariantCulture),8} {s.P50Ms,8:0.000} {s.P95Ms,8:0.000} {s.P99Ms,8:0.000} {s.MaxMs,8:0.000} {(phase?.Errors + phase?.Non2xx)?.ToString(CultureInfo.InvariantCulture),7} {phase?.CpuMicrosecondsPerRequest.ToString("0", CultureInfo.InvariantCulture),11}");
}
