using System.Buffers;
using System.Diagnostics;
using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Cli.Bench;

/// <summary>One zone of <c>loom bench realms-sim</c> and its bots; <see cref="Tick"/> is one tick of its grain.</summary>
internal sealed class RealmsBenchZone(ZoneSimulation sim, int walkable)
{
    private readonly List<EntityState> _visible = [];
    private readonly List<ZoneEvent> _events = [];
    private readonly VisibleEvents _visibleEvents = new();
    private readonly ArrayBufferWriter<byte> _payload = new(4096);
    private readonly Dictionary<Guid, RealmsBot> _byCharacter = [];

    public ZoneSimulation Sim { get; } = sim;

    public int Walkable { get; } = walkable;

    public List<RealmsBot> Bots { get; } = [];

    /// <summary>Wall time of each measured tick (ms).</summary>
    public List<double> TickMs { get; } = [];

    /// <summary>This process's CPU time during each measured tick (ms): what the tick costs, without the time the
    /// shared machine's other work took the core away.</summary>
    public List<double> TickCpuMs { get; } = [];

    public double StepMs { get; private set; }

    public double VisibleMs { get; private set; }

    public double EncodeMs { get; private set; }

    /// <summary>Snapshot payloads' wire sizes over the measured ticks.</summary>
    public List<int> SnapshotBytes { get; } = [];

    public long VisibleSum { get; private set; }

    public List<int> VisibleCounts { get; } = [];

    public long Sent { get; private set; }

    public long Deferred { get; private set; }

    public long EventsSent { get; private set; }

    public long EventsDropped { get; private set; }

    public int Refusals { get; private set; }

    public int Kicks { get; private set; }

    public int Crossings { get; private set; }

    public void Add(RealmsBot bot)
    {
        Bots.Add(bot);
        _byCharacter[bot.Character] = bot;
    }

    /// <summary>Steps the zone and sends every player its snapshot (timed: wall and this process's CPU); then the
    /// bots choose their next inputs from what they were sent (not timed: that is the clients' work). Returns the
    /// tick's wall and CPU time in ms.</summary>
    public (double Wall, double Cpu) Tick(RealmsSimSettings settings, ChaChaRng rng, bool measured)
    {
        var cpuStart = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var outcome = Sim.Step();
        foreach (var crossing in outcome.Exits)
        {
            // The bots turn back before the edges; one that still leaves comes back in, so the zone keeps its
            // population (between zones it would be a transfer, which the core does not time).
            var bot = _byCharacter[crossing.CharacterId];
            bot.Entity = Sim.AddPlayer(bot.Character, crossing.Character with { Position = RealmsSimBench.RandomWalkable(Sim.Map, rng) });
            bot.Encoder = RealmsSimBench.NewEncoder(settings);
            Crossings++;
        }

        var stepped = Stopwatch.GetTimestamp();
        _visibleEvents.Index(outcome.Events);
        long visibleTicks = 0;
        foreach (var bot in Bots)
        {
            var t0 = Stopwatch.GetTimestamp();
            Sim.CollectVisible(bot.Entity, settings.RadiusTiles, settings.VisibleLimit, _visible);
            visibleTicks += Stopwatch.GetTimestamp() - t0;
            _visibleEvents.Select(_visible, _events);
            bot.Own = Sim.OwnStateOf(bot.Character);
            bot.DeliverAcks(outcome.Tick);
            _payload.ResetWrittenCount();
            bot.Length = bot.Encoder.Encode(outcome.Tick, bot.Own, _visible, _events, _payload);
            bot.Saw(_visible);
        }

        var end = Stopwatch.GetTimestamp();
        var cpu = (Environment.CpuUsage.TotalTime - cpuStart).TotalMilliseconds;
        var wall = Milliseconds(end - start);
        if (measured)
        {
            TickMs.Add(wall);
            TickCpuMs.Add(cpu);
            StepMs += Milliseconds(stepped - start);
            VisibleMs += Milliseconds(visibleTicks);
            EncodeMs += Milliseconds(end - stepped - visibleTicks);
        }

        foreach (var refusal in outcome.Refusals)
        {
            Refusals++;
            if (_byCharacter.TryGetValue(refusal.CharacterId, out var bot))
            {
                bot.Refused();
            }
        }

        Kicks += outcome.Kicks.Count;
        foreach (var bot in Bots)
        {
            bot.Received(outcome.Tick, settings.RttTicks, settings.LossPercent, rng);
            if (measured)
            {
                var wire = RealmsSimBench.WireBytes(bot.Length);
                bot.Bytes += wire;
                SnapshotBytes.Add(wire);
                VisibleCounts.Add(bot.Seen.Count);
                var stats = bot.Encoder.LastStats;
                Sent += stats.Sent;
                Deferred += stats.Deferred;
                EventsSent += stats.EventsSent;
                EventsDropped += stats.EventsDropped;
            }

            Sim.Submit(bot.Character, bot.Next(Sim.Map, Sim.Rules, rng));
        }

        return (wall, cpu);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
