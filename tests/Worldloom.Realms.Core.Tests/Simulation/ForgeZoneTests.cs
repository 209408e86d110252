using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Tests.Zones;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Simulation;

/// <summary>The simulation on zones cut from a generated Forge world, not hand-made maps.</summary>
public sealed class ForgeZoneTests
{
    [Fact]
    public void ZoneOfAForgeWorld_StandsItsBestiaryOnLand_AndPlaysDeterministically()
    {
        var map = ZoneCut.Cut(TestWorlds.Get("realm test"), new ZoneKey(0, 0));
        var rules = RealmRules.Default;
        var a = Zone.Open(map);
        var b = Zone.Open(map);

        var enemies = a.Enemies();
        Assert.Equal(a.EnemyTarget, enemies.Length);
        Assert.True(enemies.Length > 0);
        Assert.All(enemies, e => Assert.True(map.IsWalkable(e.Position)));
        var families = map.Species.Select(s => rules.ArchetypeFor(s.Family)).ToHashSet();
        Assert.All(enemies, e => Assert.Contains((int)e.Archetype, families));

        foreach (var sim in new[] { a, b })
        {
            var player = Guid.Parse("7d1e9a3c-0000-4000-8000-000000000001");
            sim.AddPlayer(player, rules.NewCharacter("mage"));
            for (var s = 1u; s <= 200; s++)
            {
                sim.Submit(player, Zone.Move(s, (int)(s * 37 % 4096)));
                sim.Step();
            }
        }

        Assert.Equal(a.StateHash(), b.StateHash());
        Assert.Contains(a.Entities, e => e.Kind == EntityKind.Player);
    }
}
