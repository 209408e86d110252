using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class ConsoleTests
{
    [Theory]
    [InlineData("/spawn wolf", ConsoleCommandKind.Spawn, "wolf", 1)]
    [InlineData("/spawn Grey Wolf 3", ConsoleCommandKind.Spawn, "Grey Wolf", 3)]
    [InlineData("  /SPAWN   species-2   50 ", ConsoleCommandKind.Spawn, "species-2", 50)]
    [InlineData("/reset", ConsoleCommandKind.Reset, "", 0)]
    [InlineData("/god", ConsoleCommandKind.God, "", 0)]
    [InlineData("/heal", ConsoleCommandKind.Heal, "", 0)]
    [InlineData("/killall", ConsoleCommandKind.KillAll, "", 0)]
    public void Parse_GoodLines(string line, ConsoleCommandKind kind, string enemy, int count)
    {
        var command = ConsoleCommand.Parse(line);

        Assert.Equal((kind, enemy, count), (command.Kind, command.Enemy, command.Count));
    }

    [Fact]
    public void Parse_Teleport_ReadsTiles()
    {
        Assert.Equal(new ConsoleCommand(ConsoleCommandKind.Teleport, "", 0, 12, -3), ConsoleCommand.Parse("/tp 12 -3"));
    }

    [Theory]
    [InlineData("", "start with '/'")]
    [InlineData("spawn wolf", "start with '/'")]
    [InlineData("/dance", "Unknown command '/dance'")]
    [InlineData("/spawn", "Usage: /spawn")]
    [InlineData("/spawn wolf 0", "from 1 to 50")]
    [InlineData("/spawn wolf 51", "from 1 to 50")]
    [InlineData("/spawn wolf -3", "from 1 to 50")]
    [InlineData("/spawn wolf 99999999999", "from 1 to 50")]
    [InlineData("/tp 3", "Usage: /tp")]
    [InlineData("/tp a b", "whole numbers")]
    [InlineData("/god now", "takes no arguments")]
    public void Parse_BadLines_SayWhatIsWrong(string line, string message)
    {
        Assert.False(ConsoleCommand.TryParse(line, out var command, out var error));
        Assert.Null(command);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(message, Assert.Throws<FormatException>(() => ConsoleCommand.Parse(line)).Message, StringComparison.Ordinal);
    }

    private static (ZoneSimulation Sim, Guid Player, uint Entity) Area()
    {
        var sim = Zone.Open(new TestMap(48, 48).With(TestMap.Wolf).With(TestMap.Bear).Spawn("settlement", 10, 10).Block(30, 30).Build());
        var player = sim.Join(10, 10, out var entity);
        return (sim, player, entity);
    }

    [Theory]
    [InlineData("species-2", "brute")]
    [InlineData("grey wolf", "biter")]
    [InlineData("lurker", "lurker")]
    public void Spawn_BySpeciesIdNameOrArchetype_NearTheIssuer(string enemy, string archetype)
    {
        var (sim, player, entity) = Area();
        var before = sim.Enemies().Select(e => e.Id).ToHashSet();

        var result = sim.Run(player, $"/spawn {enemy} 4");

        Assert.True(result.Ok, result.Message);
        var spawned = sim.Enemies().Where(e => !before.Contains(e.Id)).ToList();
        Assert.Equal(4, spawned.Count);
        var at = sim.Get(entity).Position;
        Assert.All(spawned, e => Assert.True(e.Position.IsWithin(at, 5 * SubTiles.PerTile)));
        Assert.All(spawned, e => Assert.Equal(archetype, RealmRules.Default.Archetypes[e.Archetype].Id));
    }

    [Fact]
    public void Spawn_UnknownEnemy_ChangesNothingAndListsWhatExists()
    {
        var (sim, player, _) = Area();
        var hash = sim.StateHash();

        var result = sim.Run(player, "/spawn dragon");

        Assert.False(result.Ok);
        Assert.Contains("species-1", result.Message, StringComparison.Ordinal);
        Assert.Contains("brute", result.Message, StringComparison.Ordinal);
        Assert.Equal(hash, sim.StateHash());
    }

    [Fact]
    public void Reset_BringsBackTheInitialEnemies_AndHealsPlayersWhoStay()
    {
        var (sim, player, entity) = Area();
        var initial = sim.Enemies().Select(e => (e.Archetype, e.Position, e.Hp)).ToList();
        var other = Guid.NewGuid();
        var otherEntity = sim.AddPlayer(other, RealmRules.Default.NewCharacter("mage") with { Hp = 5, Mana = 1, Position = Vec.AtTile(12, 12) });
        sim.Run(player, "/killall");
        sim.Run(player, "/spawn lurker 5");
        sim.Steps(3);

        var result = sim.Run(player, "/reset");

        Assert.True(result.Ok);
        Assert.Equal(initial, sim.Enemies().Select(e => (e.Archetype, e.Position, e.Hp)));
        Assert.Equal(sim.Get(otherEntity).MaxHp, sim.Get(otherEntity).Hp);
        Assert.Equal(sim.Get(otherEntity).MaxMana, sim.Get(otherEntity).Mana);
        Assert.True(sim.Has(entity));
    }

    [Fact]
    public void God_Toggles_AndAGodTakesNoDamageAndCastsFreely()
    {
        var (sim, player, entity) = Area();

        Assert.Equal("God mode on.", sim.Run(player, "/god").Message);
        Assert.True(sim.Get(entity).Flags.HasFlag(EntityFlags.God));
        sim.Run(player, "/spawn species-2 3");
        var events = new List<ZoneEvent>();
        for (var s = 1u; s <= 60; s++)
        {
            sim.Submit(player, Zone.CastAt(s, 2, 0));
            events.AddRange(sim.Step().Events);
        }

        Assert.Equal(sim.Get(entity).MaxHp, sim.Get(entity).Hp);
        Assert.Equal(sim.Get(entity).MaxMana, sim.Get(entity).Mana);
        Assert.True(events.Count(e => e.Kind == ZoneEventKind.Cast) > 10);
        Assert.Equal("God mode off.", sim.Run(player, "/god").Message);
        Assert.False(sim.Get(entity).Flags.HasFlag(EntityFlags.God));
    }

    [Theory]
    [InlineData(20, 25, true, "")]
    [InlineData(30, 30, false, "not walkable")]
    [InlineData(48, 3, false, "outside the zone")]
    [InlineData(-1, 3, false, "outside the zone")]
    public void Teleport_OnlyOntoWalkableTilesOfTheZone(int x, int y, bool ok, string message)
    {
        var (sim, player, entity) = Area();
        var before = sim.Get(entity).Position;

        var result = sim.Run(player, $"/tp {x} {y}");

        Assert.Equal(ok, result.Ok);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.Equal(ok ? Vec.AtTile(x, y) : before, sim.Get(entity).Position);
    }

    [Fact]
    public void Heal_FillsHitPointsAndMana()
    {
        var sim = Zone.Open(new TestMap().Build());
        var player = Guid.NewGuid();
        var entity = sim.AddPlayer(player, RealmRules.Default.NewCharacter("mage") with { Hp = 7, Mana = 3 });

        Assert.True(sim.Run(player, "/heal").Ok);

        Assert.Equal((sim.Get(entity).MaxHp, sim.Get(entity).MaxMana), (sim.Get(entity).Hp, sim.Get(entity).Mana));
    }

    [Fact]
    public void KillAll_KillsEveryEnemy_DeathsReportedNextTick()
    {
        var (sim, player, entity) = Area();
        var count = sim.Enemies().Length;
        Assert.True(count > 0);

        Assert.Equal($"Killed {count} enemies.", sim.Run(player, "/killall").Message);

        Assert.Empty(sim.Enemies());
        var deaths = sim.Step().Events.Where(e => e.Kind == ZoneEventKind.Death).ToList();
        Assert.Equal(count, deaths.Count);
        Assert.All(deaths, d => Assert.Equal(entity, d.Source));
    }

    [Fact]
    public void Command_FromSomeoneNotInTheZone_IsRefused()
    {
        var (sim, _, _) = Area();

        Assert.False(sim.Command(Guid.NewGuid(), ConsoleCommand.Parse("/killall")).Ok);
        Assert.NotEmpty(sim.Enemies());
    }
}
