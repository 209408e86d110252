using System.CommandLine;
using System.Globalization;
using Worldloom.Cli.Bench;
using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Cli.Commands;

/// <summary><c>loom bench api|chat|forge|forge-export|realms|realms-sim|stories</c>: benchmarks that print a one-line JSON summary last (docs/benchmarks.md).</summary>
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
        return new Command("bench", "Benchmarks; each prints a one-line JSON summary last") { api, Chat(url), Forge(), ForgeExport(), Realms(), RealmsSim(), Stories() };
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
        var seed = Seed("Seed of every run (each run of a size must give the same world hash)");
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
        var seed = Seed("The world's seed");
        var command = new Command("forge-export", "One world to each of the 9 engines, then all of them as one signed bundle: time and size per engine and for the bundle; runs offline")
        {
            size, runs, seed,
        };
        command.SetAction((result, ct) => Task.FromResult(ExportBench.Run(new ExportBenchSettings(result.GetValue(size), result.GetValue(runs), result.GetValue(seed)!), ct)));
        return command;
    }

    private static Command Stories()
    {
        var segments = Positive(new Option<int>("--segments") { Description = "Segments of the scene", DefaultValueFactory = _ => 5 });
        var width = Positive(new Option<int>("--width") { Description = "Frame width", DefaultValueFactory = _ => 1280 });
        var height = Positive(new Option<int>("--height") { Description = "Frame height", DefaultValueFactory = _ => 720 });
        var fps = Positive(new Option<int>("--fps") { Description = "Frames per second", DefaultValueFactory = _ => 24 });
        var duration = Positive(new Option<int>("--duration") { Description = "Target seconds of each segment (3–30)", DefaultValueFactory = _ => 10 });
        var seed = new Option<ulong>("--seed") { Description = "The scene's seed", DefaultValueFactory = _ => 7 };
        var keep = new Option<string?>("--keep") { Description = "Keep the rendered scene in this directory (new or empty) instead of a temporary one" };
        var command = new Command("stories", "A scene told segment by segment offline (narrate, continuity, storyboard render, H.264 HLS, stitched playlist): seconds per segment, frames/s, real-time ratio, success rate")
        {
            segments, width, height, fps, duration, seed, keep,
        };
        command.SetAction(async (result, ct) =>
        {
            var errors = new Worldloom.Stories.Render.RenderOptions { Width = result.GetValue(width), Height = result.GetValue(height), Fps = result.GetValue(fps) }.Check()
                .Select(e => $"--{e.Field}: {e.Message}").ToList();
            if (result.GetValue(duration) is < 3 or > 30)
            {
                errors.Add("--duration: must be from 3 to 30 seconds.");
            }

            if (result.GetValue(keep) is { } folder && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                errors.Add($"--keep: {folder} already holds files.");
            }

            if (errors.Count > 0)
            {
                return WorldCommands.Fail(errors);
            }

            try
            {
                return await StoriesBench.RunAsync(new StoriesBenchSettings(
                    result.GetValue(segments), result.GetValue(width), result.GetValue(height), result.GetValue(fps), result.GetValue(duration), result.GetValue(seed), result.GetValue(keep)), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command RealmsSim()
    {
        var players = Positive(new Option<int>("--players") { Description = "Scripted players over all zones", DefaultValueFactory = _ => 1000 });
        var creatures = Positive(new Option<int>("--creatures") { Description = "Standing enemies over all zones", DefaultValueFactory = _ => 5000 });
        var ticks = Positive(new Option<int>("--ticks") { Description = "Measured ticks (20 per second of game time)", DefaultValueFactory = _ => 400 });
        var warmup = NotNegative(new Option<int>("--warmup-ticks") { Description = "Ticks run first, unmeasured (JIT, first full snapshots)", DefaultValueFactory = _ => 100 });
        var zones = new Option<int?>("--zones")
        {
            Description = "Zones (128² tiles each) the players and creatures are spread over, evenly; default: as many as the realm's rules stand that many creatures in (creatures / enemies.perZone, rounded up). --zones 1 puts everyone in one zone",
        };
        zones.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 1024)
            {
                r.AddError("--zones must be between 1 and 1024.");
            }
        });
        var radius = Positive(new Option<int>("--radius") { Description = "Each client's area of interest, in tiles", DefaultValueFactory = _ => ZoneSimulation.ClientVisibleRadius });
        var limit = Positive(new Option<int>("--visible-limit") { Description = "The most entities a client is sent (the nearest)", DefaultValueFactory = _ => ZoneSimulation.DefaultVisibleLimit });
        var budget = NotNegative(new Option<int>("--budget") { Description = "Snapshot payload budget per client per tick, in bytes (0: none, every change sent)", DefaultValueFactory = _ => SnapshotFormat.DefaultBudgetBytes });
        var loss = NotNegative(new Option<int>("--loss") { Description = "Percent of snapshots whose ack never comes back", DefaultValueFactory = _ => 2 });
        loss.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() > 90)
            {
                r.AddError("--loss must be at most 90.");
            }
        });
        var rtt = Positive(new Option<int>("--rtt-ticks") { Description = "Ticks an ack takes to come back (2 = 100 ms)", DefaultValueFactory = _ => 2 });
        var seed = Seed("Seed of the world, the zones and the bots");
        var command = new Command("realms-sim", "The pure Realms core under a realm's load: zones of a Forge world with scripted players and enemies; per tick Step, every player's visibility and snapshot; tick p50/p99 and downlink bytes per player; runs offline")
        {
            players, creatures, ticks, warmup, zones, radius, limit, budget, loss, rtt, seed,
        };
        command.SetAction((result, ct) => Task.FromResult(RealmsSimBench.Run(
            new RealmsSimSettings(
                result.GetValue(players),
                result.GetValue(creatures),
                result.GetValue(ticks),
                result.GetValue(warmup),
                result.GetValue(zones),
                result.GetValue(seed)!,
                result.GetValue(radius),
                result.GetValue(limit),
                result.GetValue(budget),
                result.GetValue(loss),
                result.GetValue(rtt)),
            ct)));
        return command;
    }

    private static Option<string> Seed(string description)
    {
        var seed = new Option<string>("--seed") { Description = description, DefaultValueFactory = _ => "42" };
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
        return seed;
    }

    private static Option<int> NotNegative(Option<int> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError($"{option.Name} must be 0 or more.");
            }
        });
        return option;
    }

    private static Command Realms()
    {
        var bots = Positive(new Option<int>("--bots") { Description = "Bots per server, each walking and casting over its own WebSocket", DefaultValueFactory = _ => 1000 });
        var seconds = Positive(new Option<int>("--seconds") { Description = "Measured length of each step", DefaultValueFactory = _ => 30 });
        var warmup = BenchDuration.Option("--warmup", "Unmeasured play once a step's bots have joined (3s, 0 to skip)", TimeSpan.FromSeconds(3));
        var zones = Positive(new Option<int>("--zones") { Description = "Zones the bots are spread over (bot i in zone i % zones), on both servers", DefaultValueFactory = _ => 4 });
        var creatures = Positive(new Option<int>("--creatures")
        {
            Description = "The peer's wandering creatures per zone (ours has the enemies its rules plan for the zone's land)",
            DefaultValueFactory = _ => 160,
        });
        var ramp = Positive(new Option<int>("--ramp") { Description = "Bots connecting at once, each batch given at least a second", DefaultValueFactory = _ => 100 });
        var servers = new Option<RealmsBenchServers>("--servers") { Description = "Which servers to measure: Both, Ours or Peer", DefaultValueFactory = _ => RealmsBenchServers.Both };
        var findCcu = new Option<bool>("--find-ccu") { Description = "Add bots in steps up to --max-bots and report the most each server holds (tick p99 under 50 ms, none dropped)" };
        var maxBots = Positive(new Option<int>("--max-bots") { Description = "The CCU search's last step", DefaultValueFactory = _ => 3000 });
        var step = Positive(new Option<int>("--step") { Description = "Bots added per step of the CCU search", DefaultValueFactory = _ => 250 });
        var realms = new Command("realms", "Realms zones against a Colyseus peer: bots that walk and cast at 20 Hz; connected bots, tick p99 and overruns, bytes/s per client, CPU; --find-ccu for the most bots each holds; needs Node.js. Starts its own server on a fresh SQLite database in a temporary dir")
        {
            bots, seconds, warmup, zones, creatures, ramp, servers, findCcu, maxBots, step,
        };
        realms.SetAction(async (result, ct) =>
        {
            var settings = new RealmsBenchSettings(
                result.GetValue(bots),
                TimeSpan.FromSeconds(result.GetValue(seconds)),
                result.GetValue(warmup),
                result.GetValue(zones),
                result.GetValue(creatures),
                result.GetValue(ramp),
                result.GetValue(servers),
                result.GetValue(findCcu),
                result.GetValue(maxBots),
                result.GetValue(step),
                CommonOptions.ServerOptions(result).WebRoot);
            try
            {
                return await RealmsBench.RunAsync(settings, ct);
            }
            catch (Exception e) when (e is BenchSetupException or HttpRequestException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return realms;
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
