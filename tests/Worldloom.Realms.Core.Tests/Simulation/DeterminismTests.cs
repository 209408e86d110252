using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class DeterminismTests
{
    private const int Ticks = 300;

    private static ZoneMap Map() => new TestMap(48, 48)
        .With(TestMap.Wolf).With(TestMap.Bear)
        .Spawn("settlement", 8, 8).Spawn("lair", 30, 30).Spawn("ruin", 40, 12)
        .Block(20, 20).Block(21, 20).Block(22, 20).BlockColumn(44)
        .Cost(10, 10, 200).Cost(11, 10, 250)
        .Build();

    /// <summary>A scripted session: players join, walk and cast at random from a seeded stream, one uses the console.</summary>
    private sealed class Script
    {
        private readonly ChaChaRng _rng = new(new byte[32]);
        private readonly List<Guid> _players = [];
        private uint _sequence;

        public void Before(ZoneSimulation sim, uint tick)
        {
            if (tick % 40 == 0 && _players.Count < 6)
            {
                var id = new Guid(_rng.NextInt(int.MaxValue), 0, 0, new byte[8]);
                sim.AddPlayer(id, RealmRules.Default.NewCharacter("mage") with { Position = Vec.AtTile(8 + _players.Count, 8 + _players.Count) });
                _players.Add(id);
            }

            if (tick == 120 && _players.Count > 0)
            {
                sim.Command(_players[0], ConsoleCommand.Parse("/spawn biter 3"));
            }

            if (tick == 170 && _players.Count > 1)
            {
                sim.RestartSequence(_players[1]);
            }

            if (tick == 200 && _players.Count > 0)
            {
                sim.Command(_players[0], ConsoleCommand.Parse("/killall"));
            }

            foreach (var id in _players)
            {
                if (!sim.TryGetEntity(id, out _) || _rng.NextInt(10) == 0)
                {
                    continue;
                }

                var angle = _rng.NextInt(6) == 0 ? PlayerInput.Stop : _rng.NextInt(4096);
                SkillCast? cast = null;
                if (_rng.NextInt(5) == 0)
                {
                    var enemies = sim.Entities.Where(e => e.Kind == EntityKind.Enemy).ToList();
                    var target = enemies.Count > 0 && _rng.NextBool() ? enemies[_rng.NextInt(enemies.Count)].Id : 0;
                    cast = new SkillCast(_rng.NextInt(1, 5), target, new Vec(_rng.NextInt(48 * 256), _rng.NextInt(48 * 256)));
                }

                // Now and then a replayed sequence, to exercise refusals.
                var sequence = _rng.NextInt(20) == 0 ? _sequence : ++_sequence;
                sim.Submit(id, new PlayerInput(sequence, angle, cast));
            }
        }
    }

    private static List<string> Run(byte[] seed, int ticks, Func<ZoneSimulation, uint, ZoneSimulation>? swap = null)
    {
        var sim = Zone.Open(Map(), seed: seed);
        var script = new Script();
        var hashes = new List<string>();
        for (var t = 0; t < ticks; t++)
        {
            script.Before(sim, sim.Tick);
            sim.Step();
            hashes.Add(Convert.ToHexString(sim.StateHash()));
            if (swap is not null)
            {
                sim = swap(sim, sim.Tick);
            }
        }

        return hashes;
    }

    [Fact]
    public void SameInputs_GiveTheSameHashAtEveryTick()
    {
        var first = Run(Zone.Seed, Ticks);
        var second = Run(Zone.Seed, Ticks);

        Assert.Equal(first, second);
        Assert.Equal(Ticks, first.Distinct().Count());
    }

    [Fact]
    public void AnotherSeed_GivesAnotherZone()
    {
        var other = (byte[])Zone.Seed.Clone();
        other[0] ^= 1;

        Assert.NotEqual(Run(Zone.Seed, 5), Run(other, 5));
        Assert.NotEqual(
            Zone.Open(Map()).Entities.Where(e => e.Kind == EntityKind.Enemy).Select(e => e.Position),
            Zone.Open(Map(), seed: other).Entities.Where(e => e.Kind == EntityKind.Enemy).Select(e => e.Position));
    }

    [Fact]
    public void CheckpointAndRestore_EveryFiftyTicks_GiveTheSameFuture()
    {
        var straight = Run(Zone.Seed, Ticks);
        var restored = Run(Zone.Seed, Ticks, (sim, tick) =>
        {
            if (tick % 50 != 0)
            {
                return sim;
            }

            var bytes = sim.Checkpoint();
            var copy = ZoneSimulation.Restore(sim.Map, sim.Rules, bytes);
            Assert.Equal(sim.StateHash(), copy.StateHash());
            Assert.Equal(bytes, copy.Checkpoint());
            Assert.Equal(sim.Entities, copy.Entities);
            return copy;
        });

        Assert.Equal(straight, restored);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(137u)]
    public void Recording_ReplaysToTheSameHashAtEveryTick(uint from)
    {
        var sim = Zone.Open(Map());
        var script = new Script();
        Recording? recording = null;
        var hashes = new List<string>();
        while (sim.Tick < Ticks)
        {
            if (sim.Tick == from)
            {
                recording = sim.StartRecording();
            }

            script.Before(sim, sim.Tick);
            sim.Step();
            if (recording is not null)
            {
                hashes.Add(Convert.ToHexString(sim.StateHash()));
            }
        }

        var replayed = new List<string>();
        var end = recording!.Replay(Map(), RealmRules.Default, Ticks, z => replayed.Add(Convert.ToHexString(z.StateHash())));

        Assert.Equal(hashes, replayed);
        Assert.Equal(sim.StateHash(), end.StateHash());
        Assert.Contains(recording.Actions, a => a.Command is not null || from > 120);
        Assert.Contains(recording.Actions, a => a.Input is not null);
    }

    [Fact]
    public void Restore_OtherZoneOtherRulesOrDamagedBytes_IsRefused()
    {
        var sim = Zone.Open(Map());
        sim.Join(8, 8, out _);
        sim.Steps(3);
        var bytes = sim.Checkpoint();
        var otherRules = RealmRules.Parse(RealmRulesJson().Replace("\"perZone\": 160", "\"perZone\": 161", StringComparison.Ordinal));

        Assert.Throws<ArgumentException>(() => ZoneSimulation.Restore(new TestMap(48, 48, new ZoneKey(2, 1)).Build(), sim.Rules, bytes));
        Assert.Throws<ArgumentException>(() => ZoneSimulation.Restore(sim.Map, otherRules, bytes));
        Assert.Throws<FormatException>(() => ZoneSimulation.Restore(sim.Map, sim.Rules, bytes.AsSpan(0, bytes.Length - 3)));
        Assert.Throws<FormatException>(() => ZoneSimulation.Restore(sim.Map, sim.Rules, [1, 2, 3, 4]));
    }

    private static string RealmRulesJson()
    {
        using var stream = typeof(RealmRules).Assembly.GetManifestResourceStream("Worldloom.Realms.Core.Data.realm.json")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
