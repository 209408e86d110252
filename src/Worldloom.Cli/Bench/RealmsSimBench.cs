using System.Buffers;
using System.Diagnostics;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Snapshots;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Cli.Bench;

/// <summary>
/// <c>loom bench realms-sim</c>: the pure Realms core under a realm's load, without the server. A Forge world is cut
/// into zones, the bots and enemies are spread over them, and every tick each zone does what its grain does: step,
/// then for every player collect what it sees, encode its snapshot against its acks, and count the bytes. Prints a
/// table, then one JSON line (docs/benchmarks.md).
/// </summary>
internal static class RealmsSimBench
{
    /// <summary>Zones in the world's grid for each zone used: the landiest are taken, the sea left out.</summary>
    private const int GridPerZone = 2;

    /// <summary>The least grid side, so even one zone is picked among enough to find one all land.</summary>
    private const int MinGridSide = 4;

    public static int Run(RealmsSimSettings settings, CancellationToken ct)
    {
        var console = new BenchConsole();
        var load = MachineInfo.LoadAverage();
        var rules = RealmRules.Default;
        var zoneCount = settings.Zones ?? Math.Max(1, (settings.Creatures + rules.EnemiesPerZone - 1) / Math.Max(1, rules.EnemiesPerZone));
        var seed = ForgeSeed.Parse(settings.Seed);
        var columns = Math.Max(MinGridSide, (int)Math.Ceiling(Math.Sqrt(zoneCount * GridPerZone)));
        var side = Math.Clamp(columns * ZoneCut.DefaultSize, WorldParameters.MinSize, WorldParameters.MaxSize);
        var (gridColumns, gridRows) = ZoneCut.Grid(side, side);
        if (gridColumns * gridRows < zoneCount)
        {
            Console.Error.WriteLine($"error: --zones {zoneCount} needs a world over {WorldParameters.MaxSize}² cells.");
            return 1;
        }

        console.Log.WriteLine($"seed {seed}: generating a {side}² world for {zoneCount} zone(s) ...");
        var world = WorldPipeline.Generate(seed, new WorldParameters { Width = side, Height = side });
        var maps = new List<(ZoneMap Map, int Walkable)>();
        for (var y = 0; y < gridRows; y++)
        {
            for (var x = 0; x < gridColumns; x++)
            {
                var map = ZoneCut.Cut(world, new ZoneKey(x, y));
                var walkable = 0;
                foreach (var c in map.Cost)
                {
                    walkable += c != ZoneMap.Blocked ? 1 : 0;
                }

                maps.Add((map, walkable));
            }
        }

        var chosen = maps.Where(m => m.Walkable > 0 && m.Map.Species.Count > 0)
            .OrderByDescending(m => m.Walkable).ThenBy(m => m.Map.Key.Y).ThenBy(m => m.Map.Key.X)
            .Take(zoneCount).ToList();
        if (chosen.Count < zoneCount)
        {
            Console.Error.WriteLine($"error: the {side}² world of seed {seed} has only {chosen.Count} zones with land and species; ask for fewer --zones or another --seed.");
            return 1;
        }

        var rng = ChaChaRng.ForStage(seed.Bytes, "realms-bench/bots");
        var zones = new List<RealmsBenchZone>();
        for (var i = 0; i < zoneCount; i++)
        {
            var (map, walkable) = chosen[i];
            var players = Share(settings.Players, chosen, i);
            var creatures = Share(settings.Creatures, chosen, i);

            // The rules stand perZone × walkable / 128² enemies; this perZone makes it exactly `creatures`.
            var perZone = (int)(((long)creatures * ZoneCut.DefaultSize * ZoneCut.DefaultSize + walkable - 1) / walkable);
            var zoneSeed = new byte[32];
            ChaChaRng.ForStage(seed.Bytes, $"realms-bench/zone/{map.Key.X}/{map.Key.Y}").Fill(zoneSeed);
            var sim = new ZoneSimulation(map, rules.WithEnemiesPerZone(perZone), zoneSeed);
            var zone = new RealmsBenchZone(sim, walkable);
            for (var p = 0; p < players; p++)
            {
                var id = NewGuid(rng);
                var entity = sim.AddPlayer(id, rules.NewCharacter("mage") with { Position = RandomWalkable(map, rng) });
                zone.Add(new RealmsBot(id, entity, NewEncoder(settings)));
            }

            zones.Add(zone);
        }

        console.Log.WriteLine($"{zones.Sum(z => z.Bots.Count)} players, {zones.Sum(z => z.Sim.EnemyTarget)} creatures in {zoneCount} zone(s) of {side}² world");
        var realmTicks = new double[settings.Ticks];
        var realmCpu = new double[settings.Ticks];
        var cpuBefore = TimeSpan.Zero;
        var wallBefore = 0L;
        var watch = default(CpuWatch);
        var total = settings.WarmupTicks + settings.Ticks;
        console.Run("ticks", total, advance =>
        {
            for (var t = 0; t < total; t++)
            {
                ct.ThrowIfCancellationRequested();
                var measured = t >= settings.WarmupTicks;
                if (t == settings.WarmupTicks)
                {
                    watch = new CpuWatch();
                    cpuBefore = Environment.CpuUsage.TotalTime;
                    wallBefore = Stopwatch.GetTimestamp();
                }

                double sum = 0, cpuSum = 0;
                foreach (var zone in zones)
                {
                    var (wallMs, cpuMs) = zone.Tick(settings, rng, measured);
                    sum += wallMs;
                    cpuSum += cpuMs;
                }

                if (measured)
                {
                    realmTicks[t - settings.WarmupTicks] = sum;
                    realmCpu[t - settings.WarmupTicks] = cpuSum;
                }

                if (t % 20 == 19 || t == total - 1)
                {
                    advance(20, $"tick {t + 1}/{total}: realm {sum:F2} ms");
                }
            }
        });

        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var wall = Stopwatch.GetElapsedTime(wallBefore);
        var report = RealmsSimReport.From(settings, seed.ToString(), side, zones, realmTicks, realmCpu, cpu, wall, MachineInfo.Describe(), load, watch?.OtherCoresBusy());
        RealmsSimReport.PrintTable(report);
        Console.WriteLine(report.ToJson());
        return 0;
    }

    /// <summary>A new encoder for a client: budgeted unless the budget is 0.</summary>
    public static SnapshotEncoder NewEncoder(RealmsSimSettings settings) =>
        settings.BudgetBytes > 0 ? new SnapshotEncoder(SnapshotFormat.DefaultHistory, settings.BudgetBytes) : new SnapshotEncoder();

    /// <summary>Bytes on the wire for a snapshot payload: the frame's type byte and the WebSocket header (2 bytes up
    /// to 125, 4 up to 65535). TCP/IP headers are not counted (they depend on how frames share segments).</summary>
    public static int WireBytes(int payload) => payload + 1 + (payload + 1 <= 125 ? 2 : 4);

    public static Vec RandomWalkable(ZoneMap map, ChaChaRng rng)
    {
        while (true)
        {
            var x = rng.NextInt(map.Width);
            var y = rng.NextInt(map.Height);
            if (map.CostAt(x, y) != ZoneMap.Blocked)
            {
                return Vec.AtTile(x, y);
            }
        }
    }

    /// <summary>Zone <paramref name="index"/>'s share of <paramref name="total"/>, by walkable tiles (as the rules
    /// stand enemies; players spread the same way), rounded so the shares add up to the total.</summary>
    private static int Share(int total, List<(ZoneMap Map, int Walkable)> zones, int index)
    {
        long land = zones.Sum(z => (long)z.Walkable);
        long before = zones.Take(index).Sum(z => (long)z.Walkable);
        return (int)((total * (before + zones[index].Walkable) / land) - (total * before / land));
    }

    private static Guid NewGuid(ChaChaRng rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0f) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        return new Guid(bytes);
    }
}
