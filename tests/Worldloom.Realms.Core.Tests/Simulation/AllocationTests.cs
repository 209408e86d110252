using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class AllocationTests
{
    [Fact]
    public void Step_WithManyWalkersAndEnemies_AllocatesOnlyItsOutcome()
    {
        var rules = TestRules.Edit(n => n["enemies"]!["perZone"] = 1500);
        var sim = Zone.Open(new TestMap(128, 128).With(TestMap.Wolf).With(TestMap.Bear).Spawn("lair", 60, 60).Build(), rules);
        var rng = new ChaChaRng(new byte[32]);
        var players = new List<Guid>();
        for (var i = 0; i < 300; i++)
        {
            var id = Guid.NewGuid();
            sim.AddPlayer(id, rules.NewCharacter("mage") with { Position = new Vec(rng.NextInt(128 * 256), rng.NextInt(128 * 256)) });
            sim.Command(id, Worldloom.Realms.Core.Simulation.ConsoleCommand.Parse("/god"));
            sim.Submit(id, Zone.Move(1, rng.NextInt(4096)));
            players.Add(id);
        }

        var visible = new List<EntityState>();
        sim.Steps(20);
        sim.CollectVisible(1, 32, visible);

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int Ticks = 50;
        for (var t = 0; t < Ticks; t++)
        {
            sim.Step();
            sim.CollectVisible(1, 32, visible);
        }

        var perTick = (GC.GetAllocatedBytesForCurrentThread() - before) / Ticks;

        Assert.True(sim.Enemies().Length > 1000);
        Assert.True(perTick < 4096, $"{perTick} bytes per tick");
    }
}
