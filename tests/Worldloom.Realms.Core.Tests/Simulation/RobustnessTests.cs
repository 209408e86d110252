using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Realms.Core.Tests.Simulation;

/// <summary>Hostile or damaged input never escapes as anything but the documented exceptions.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void ConsoleParse_ArbitraryText_EitherParsesOrSaysWhy()
    {
        var rng = new ChaChaRng(new byte[32]);
        var alphabet = "/ spawntpgodhealkillreset-+0123456789xyzé\t";
        for (var i = 0; i < 5000; i++)
        {
            var line = new string(Enumerable.Range(0, rng.NextInt(0, 24)).Select(_ => alphabet[rng.NextInt(alphabet.Length)]).ToArray());
            if (rng.NextBool())
            {
                line = "/" + new[] { "spawn", "tp", "god", "heal", "killall", "reset" }[rng.NextInt(6)] + line;
            }

            var parsed = ConsoleCommand.TryParse(line, out var command, out var error);

            Assert.Equal(parsed, command is not null);
            Assert.Equal(parsed, error.Length == 0);
        }
    }

    [Fact]
    public void Restore_DamagedCheckpoint_FailsCleanlyOrRestores()
    {
        var sim = Zone.Open(new TestMap(40, 40).With(TestMap.Wolf).Spawn("lair", 20, 20).Spawn("settlement", 5, 5).Build());
        var player = sim.Join(18, 18, out var entity);
        sim.Submit(player, Zone.CastAt(1, 1, sim.Enemies()[0].Id));
        sim.Submit(player, Zone.Move(2, 100));
        sim.Steps(3);
        var good = sim.Checkpoint();
        var rng = new ChaChaRng(new byte[32]);

        for (var i = 0; i < 3000; i++)
        {
            var bad = (byte[])good.Clone();
            for (var k = rng.NextInt(1, 4); k > 0; k--)
            {
                bad[rng.NextInt(bad.Length)] = (byte)rng.NextInt(256);
            }

            try
            {
                var restored = ZoneSimulation.Restore(sim.Map, sim.Rules, bad);
                restored.Steps(2);
                restored.StateHash();
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
            }
        }

        Assert.True(sim.Has(entity));
    }
}
