using System.CommandLine;
using System.Globalization;
using Worldloom.Cli.Bench;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom bench api|chat|forge|forge-export</c>: benchmarks that print a one-line JSON summary last (docs/benchmarks.md).</summary>
internal static class BenchCommands
{
    public static Command Create()
    {
        var url = new Option<Uri?>("--url")
        {
            Description = "Measure a running server instead of starting one in this process",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                {
                    return parsed;
                }

                r.AddError($"--url: '{text}' is not an absolute http:// or https:// address.");
                return null;
            },
        };
        var rate = Positive(new Option<int>("--rate") { Description = "Requests per second, held constant (open loop)", DefaultValueFactory = _ => 2000 });
        var duration = BenchDuration.Option("--duration", "Length of each measured phase (20s, 500ms, 2m)", TimeSpan.FromSeconds(20));
        var warmup = BenchDuration.Option("--warmup", "Unmeasured load first, so tiered JIT and connection setup are not measured", TimeSpan.FromSeconds(15));
        var concurrency = Positive(new Option<int>("--concurrency") { Description = "Connections: the most requests in flight at once", DefaultValueFactory = _ => 64 });
        var users = Positive(new Option<int>("--users")
        {
            Description = "Accounts to spread requests over, so the per-user rate limit is not what is measured (against --url each costs two calls to /api/auth/*, limited to 60/min per address)",
            DefaultValueFactory = _ => 32,
        });
        var baseline = new Option<bool>("--baseline")
        {
            Description = "Also measure a do-nothing endpoint at the same rate as a reference (in-process server only; --baseline false to skip)",
            DefaultValueFactory = _ => true,
        };
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                r.AddError("--duration must be longer than zero.");
            }
        });

        var api = new Command("api", "Authenticated GET /api/me and GET /api/projects at a constant rate; p50/p95/p99 latency. Without --url it starts its own server on a fresh SQLite database in a temporary dir (--data and --db are not used)")
        {
            url, rate, duration, warmup, concurrency, users, baseline,
        };
        api.SetAction(async (result, ct) =>
        {
            var settings = new ApiBenchSettings(
                result.GetValue(url),
                result.GetValue(rate),
                result.GetValue(duration),
                result.GetValue(warmup),
                result.GetValue(concurrency),
                result.GetValue(users),
                result.GetValue(baseline),
                CommonOptions.ServerOptions(result).WebRoot);
            try
            {
                return await ApiBench.RunAsync(settings, ct);
            }
            catch (Exception e) when (e is BenchSetupException or HttpRequestException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return new Command("bench", "Benchmarks; each prints a one-line JSON summary last") { api, Chat(url), Forge(), ForgeExport() };
    }

    private static Command Chat(Option<Uri?> url)
    {
        var serverPid = new Option<int?>("--server-pid") { Description = "With --url: the server's process id on this machine, so its memory per connection and CPU can be read" };
        var clients = Positive(new Option<int>("--clients") { Description = "Active connections per server", DefaultValueFactory = _ => 1000 });
        var rooms = Positive(new Option<int>("--rooms") { Description = "Rooms the clients are spread over (client i in room i % rooms)", DefaultValueFactory = _ => 100 });
        var users = Positive(new Option<int>("--users")
        {
            Description = "Worldloom accounts the connections are spread over (several connections each; against --url, mind the server's per-user frame limits)",
            DefaultValueFactory = _ => 100,
        });
        var seconds = Positive(new Option<int>("--seconds") { Description = "Length of the throughput phase and of the half-load phase", DefaultValueFactory = _ => 20 });
        var warmup = BenchDuration.Option("--warmup", "Unmeasured sending before the throughput phase (3s, 0 to skip)", TimeSpan.FromSeconds(3));
        var window = Positive(new Option<int>("--window") { Description = "Sends each client keeps outstanding in the throughput phase", DefaultValueFactory = _ => 4 });
        var idle = new Option<int>("--idle") { Description = "Idle connections (authenticated, subscribed) for memory per connection; 0 skips", DefaultValueFactory = _ => 10_000 };
        idle.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--idle must be 0 or more.");
            }
        });
        var servers = new Option<ChatBenchServers>("--servers") { Description = "Which servers to measure: Both, Ours or Peer", DefaultValueFactory = _ => ChatBenchServers.Both };
        var chat = new Command("chat", "Chat over WebSocket against a Socket.IO room-broadcast peer: delivered msg/s, p50/p99 latency (also at half load), memory per idle connection; needs Node.js. Without --url it starts its own server on a fresh SQLite database in a temporary dir")
        {
            url, serverPid, clients, rooms, users, seconds, warmup, window, idle, servers,
        };
        chat.SetAction(async (result, ct) =>
        {
            var settings = new ChatBenchSettings(
                result.GetValue(url),
                result.GetValue(serverPid),
                result.GetValue(clients),
                result.GetValue(rooms),
                result.GetValue(users),
                TimeSpan.FromSeconds(result.GetValue(seconds)),
                result.GetValue(warmup),
                result.GetValue(window),
                result.GetValue(idle),
                result.GetValue(servers),
                CommonOptions.ServerOptions(result).WebRoot);
            try
            {
                return await ChatBench.RunAsync(settings, ct);
            }
            catch (Exception e) when (e is BenchSetupException or HttpRequestException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return chat;
    }

    private static Command Forge()
    {
        var sizes = new Option<IReadOnlyList<int>>("--sizes")
        {
            Description = $"World sides to generate, comma-separated ({WorldParameters.MinSize}–{WorldParameters.MaxSize})",
            DefaultValueFactory = _ => [256, 512, 1024, 2048],
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                var list = new List<int>();
                foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var side) || side < WorldParameters.MinSize || side > WorldParameters.MaxSize)
                    {
                        r.AddError($"--sizes: '{part}' is not a side between {WorldParameters.MinSize} and {WorldParameters.MaxSize}.");
                        return [];
                    }

                    list.Add(side);
                }

                return list;
            },
        };
        var runs = Positive(new Option<int>("--runs") { Description = "Measured runs per size after a warm-up of at least one run and 0.5 s (median and best are reported); also ChaCha20 repetitions", DefaultValueFactory = _ => 3 });
        var chachaMiB = Positive(new Option<int>("--chacha-mib") { Description = "ChaCha20 keystream per measurement, in MiB (ours and OpenSSL's alike)", DefaultValueFactory = _ => 256 });
        var forgeWarmup = BenchDuration.Option("--warmup", "Small worlds generated first, unmeasured, so the JIT has optimized the pipeline before any size is measured (0 to skip)", TimeSpan.FromSeconds(2));
        var seed = new Option<string>("--seed") { Description = "Seed of every run (each run of a size must give the same world hash)", DefaultValueFactory = _ => "42" };
        seed.Validators.Add(r =>
        {
            try
            {
                ForgeSeed.Parse(r.GetValueOrDefault<string>());
            }
            catch (ArgumentException e)
            {
                r.AddError($"--seed: {e.Message}");
            }
        });

        var forge = new Command("forge", "The world pipeline at several sizes (per-stage times, document write, cells/s, memory, world hash), then ChaCha20 against OpenSSL's keystream; runs offline")
        {
            sizes, runs, chachaMiB, seed, forgeWarmup,
        };
        forge.SetAction((result, ct) => Task.FromResult(ForgeBench.Run(
            new ForgeBenchSettings(result.GetValue(sizes)!, result.GetValue(runs), result.GetValue(chachaMiB), result.GetValue(seed)!, result.GetValue(forgeWarmup)), ct)));
        return forge;
    }

    private static Command ForgeExport()
    {
        var size = new Option<int>("--size") { Description = $"World side ({WorldParameters.MinSize}–{WorldParameters.MaxSize})", DefaultValueFactory = _ => 1024 };
        size.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < WorldParameters.MinSize or > WorldParameters.MaxSize)
            {
                r.AddError($"--size: must be between {WorldParameters.MinSize} and {WorldParameters.MaxSize}.");
            }
        });
        var runs = Positive(new Option<int>("--runs") { Description = "Measured runs per engine and of the whole bundle (medians are reported)", DefaultValueFactory = _ => 3 });
        var seed = new Option<string>("--seed") { Description = "The world's seed", DefaultValueFactory = _ => "42" };
        seed.Validators.Add(r =>
        {
            try
            {
                ForgeSeed.Parse(r.GetValueOrDefault<string>());
            }
            catch (ArgumentException e)
            {
                r.AddError($"--seed: {e.Message}");
            }
        });
        var command = new Command("forge-export", "One world to each of the 9 engines, then all of them as one signed bundle: time and size per engine and for the bundle; runs offline")
        {
            size, runs, seed,
        };
        command.SetAction((result, ct) => Task.FromResult(ExportBench.Run(new ExportBenchSettings(result.GetValue(size), result.GetValue(runs), result.GetValue(seed)!), ct)));
        return command;
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"{option.Name} must be at least 1.");
            }
        });
        return option;
    }
}
