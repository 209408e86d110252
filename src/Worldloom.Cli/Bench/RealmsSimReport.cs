using System.Text.Json;
using System.Text.Json.Serialization;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench realms-sim</c> prints last; see docs/benchmarks.md for each field.</summary>
internal sealed record RealmsSimReport
{
    /// <summary>The tick target at 20 Hz.</summary>
    public const double TickTargetMs = 10;

    /// <summary>The downlink target per player (1 KB = 1000 bytes).</summary>
    public const double BytesPerSecondTarget = 4000;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Bench { get; init; } = "realms-sim";

    public required string Seed { get; init; }

    public required int WorldSide { get; init; }

    public required int Zones { get; init; }

    public required int Players { get; init; }

    /// <summary>Standing enemies planned over all zones.</summary>
    public required int Creatures { get; init; }

    public required int Ticks { get; init; }

    public required int WarmupTicks { get; init; }

    public required int RadiusTiles { get; init; }

    public required int VisibleLimit { get; init; }

    /// <summary>0: no budget.</summary>
    public required int BudgetBytes { get; init; }

    public required int LossPercent { get; init; }

    public required int RttTicks { get; init; }

    /// <summary>One zone's tick (step, then every player's visibility and snapshot), over every zone and tick.</summary>
    public required Spread ZoneTickMs { get; init; }

    /// <summary>All zones' ticks one after another on one core, per tick.</summary>
    public required Spread RealmTickMs { get; init; }

    /// <summary>As <see cref="ZoneTickMs"/>, in this process's CPU time (what a tick costs without the shared
    /// machine taking the core away; garbage collection on other threads included).</summary>
    public required Spread ZoneTickCpuMs { get; init; }

    /// <summary>As <see cref="RealmTickMs"/>, in CPU time.</summary>
    public required Spread RealmTickCpuMs { get; init; }

    /// <summary>Mean per tick of the realm's Step calls, visibility passes and encodes.</summary>
    public required double RealmStepMsMean { get; init; }

    public required double RealmVisibleMsMean { get; init; }

    public required double RealmEncodeMsMean { get; init; }

    /// <summary>This process's CPU time over the measured ticks, per tick (the bots' scripting and garbage collection
    /// included).</summary>
    public required double CpuMsPerTick { get; init; }

    /// <summary>Wall time of the measured ticks, per tick (bots included).</summary>
    public required double WallMsPerTick { get; init; }

    /// <summary>Each player's downlink, bytes per second at 20 Hz, across players.</summary>
    [JsonPropertyName("bytes_per_player_s")]
    public required Spread BytesPerPlayerS { get; init; }

    /// <summary>One snapshot on the wire (payload, type byte, WebSocket header).</summary>
    public required Spread SnapshotBytes { get; init; }

    /// <summary>Entities in a player's snapshot input (after the radius and the limit).</summary>
    public required Spread VisiblePerPlayer { get; init; }

    public required double SentPerSnapshot { get; init; }

    public required double DeferredPerSnapshot { get; init; }

    public required double EventsDroppedPercent { get; init; }

    public required int Casts { get; init; }

    public required int Refusals { get; init; }

    public required int Kicks { get; init; }

    public required int Crossings { get; init; }

    public required IReadOnlyList<RealmsZoneFigures> PerZone { get; init; }

    public required RealmsSimTargets TargetsMet { get; init; }

    public required string Machine { get; init; }

    [JsonPropertyName("load_avg_1m")]
    public double? LoadAvg1m { get; init; }

    public double? OtherCoresBusy { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RealmsSimReport From(RealmsSimSettings settings, string seed, int side, IReadOnlyList<RealmsBenchZone> zones, double[] realmTicks, double[] realmCpu, TimeSpan cpu, TimeSpan wall, string machine, double? load, double? otherCoresBusy)
    {
        var ticks = settings.Ticks;
        var bots = zones.SelectMany(z => z.Bots).ToList();
        var seconds = ticks / (double)ZoneSimulation.TicksPerSecond;
        var snapshots = zones.Sum(z => (long)z.SnapshotBytes.Count);
        var events = zones.Sum(z => z.EventsSent + z.EventsDropped);
        var zoneTick = Spread.Of(zones.SelectMany(z => z.TickMs));
        var realmTick = Spread.Of(realmTicks);
        var zoneCpu = Spread.Of(zones.SelectMany(z => z.TickCpuMs));
        var realmTickCpu = Spread.Of(realmCpu);
        var perPlayer = Spread.Of(bots.Select(b => b.Bytes / seconds));
        return new RealmsSimReport
        {
            Seed = seed,
            WorldSide = side,
            Zones = zones.Count,
            Players = bots.Count,
            Creatures = zones.Sum(z => z.Sim.EnemyTarget),
            Ticks = ticks,
            WarmupTicks = settings.WarmupTicks,
            RadiusTiles = settings.RadiusTiles,
            VisibleLimit = settings.VisibleLimit,
            BudgetBytes = settings.BudgetBytes,
            LossPercent = settings.LossPercent,
            RttTicks = settings.RttTicks,
            ZoneTickMs = zoneTick,
            RealmTickMs = realmTick,
            ZoneTickCpuMs = zoneCpu,
            RealmTickCpuMs = realmTickCpu,
            RealmStepMsMean = Math.Round(zones.Sum(z => z.StepMs) / ticks, 3),
            RealmVisibleMsMean = Math.Round(zones.Sum(z => z.VisibleMs) / ticks, 3),
            RealmEncodeMsMean = Math.Round(zones.Sum(z => z.EncodeMs) / ticks, 3),
            CpuMsPerTick = Math.Round(cpu.TotalMilliseconds / ticks, 3),
            WallMsPerTick = Math.Round(wall.TotalMilliseconds / ticks, 3),
            BytesPerPlayerS = perPlayer,
            SnapshotBytes = Spread.Of(zones.SelectMany(z => z.SnapshotBytes.Select(b => (double)b))),
            VisiblePerPlayer = Spread.Of(zones.SelectMany(z => z.VisibleCounts.Select(v => (double)v))),
            SentPerSnapshot = Math.Round(zones.Sum(z => z.Sent) / (double)Math.Max(1, snapshots), 2),
            DeferredPerSnapshot = Math.Round(zones.Sum(z => z.Deferred) / (double)Math.Max(1, snapshots), 2),
            EventsDroppedPercent = Math.Round(100.0 * zones.Sum(z => z.EventsDropped) / Math.Max(1, events), 2),
            Casts = bots.Sum(b => b.Casts),
            Refusals = zones.Sum(z => z.Refusals),
            Kicks = zones.Sum(z => z.Kicks),
            Crossings = zones.Sum(z => z.Crossings),
            PerZone = zones.Select(z => new RealmsZoneFigures
            {
                X = z.Sim.Map.Key.X,
                Y = z.Sim.Map.Key.Y,
                WalkableTiles = z.Walkable,
                Players = z.Bots.Count,
                Creatures = z.Sim.EnemyTarget,
                TickMs = Spread.Of(z.TickMs),
                TickCpuMs = Spread.Of(z.TickCpuMs),
                BytesPerPlayerSMean = Math.Round(z.Bots.Count == 0 ? 0 : z.Bots.Average(b => b.Bytes / seconds), 1),
                VisibleMean = Math.Round(z.VisibleCounts.Count == 0 ? 0 : z.VisibleCounts.Average(), 1),
            }).ToList(),
            TargetsMet = new RealmsSimTargets
            {
                ZoneTickP99Under10Ms = zoneTick.P99 < TickTargetMs,
                RealmTickP99Under10Ms = realmTick.P99 < TickTargetMs,
                ZoneTickCpuP99Under10Ms = zoneCpu.P99 < TickTargetMs,
                RealmTickCpuP99Under10Ms = realmTickCpu.P99 < TickTargetMs,
                BytesPerPlayerP99Under4KbS = perPlayer.P99 < BytesPerSecondTarget,
            },
            Machine = machine,
            LoadAvg1m = load,
            OtherCoresBusy = otherCoresBusy,
        };
    }

    /// <summary>The human-readable summary before the JSON line.</summary>
    public static void PrintTable(RealmsSimReport r)
    {
        Console.WriteLine($"realms-sim  seed {r.Seed}  world {r.WorldSide}²  {r.Zones} zone(s)  {r.Players} players  {r.Creatures} creatures  {r.Ticks} ticks");
        Console.WriteLine($"  zone tick   p50 {r.ZoneTickMs.P50,8:F3} ms   p99 {r.ZoneTickMs.P99,8:F3} ms   max {r.ZoneTickMs.Max,8:F3} ms");
        Console.WriteLine($"  zone cpu    p50 {r.ZoneTickCpuMs.P50,8:F3} ms   p99 {r.ZoneTickCpuMs.P99,8:F3} ms   max {r.ZoneTickCpuMs.Max,8:F3} ms");
        Console.WriteLine($"  realm cpu   p50 {r.RealmTickCpuMs.P50,8:F3} ms   p99 {r.RealmTickCpuMs.P99,8:F3} ms   max {r.RealmTickCpuMs.Max,8:F3} ms");
        Console.WriteLine($"  realm tick  p50 {r.RealmTickMs.P50,8:F3} ms   p99 {r.RealmTickMs.P99,8:F3} ms   max {r.RealmTickMs.Max,8:F3} ms   (step {r.RealmStepMsMean:F3} + visible {r.RealmVisibleMsMean:F3} + encode {r.RealmEncodeMsMean:F3} ms mean)");
        Console.WriteLine($"  downlink    mean {r.BytesPerPlayerS.Mean,7:F0} B/s   p99 {r.BytesPerPlayerS.P99,7:F0} B/s per player;  visible mean {r.VisiblePerPlayer.Mean:F1}, sent {r.SentPerSnapshot:F1}, deferred {r.DeferredPerSnapshot:F1} per snapshot");
        foreach (var z in r.PerZone)
        {
            Console.WriteLine($"  zone {z.X},{z.Y}  {z.Players,5} players {z.Creatures,5} creatures  tick p50 {z.TickMs.P50,7:F3} p99 {z.TickMs.P99,7:F3} ms (cpu p99 {z.TickCpuMs.P99,7:F3})  {z.BytesPerPlayerSMean,6:F0} B/s  visible {z.VisibleMean:F1}");
        }
    }
}
