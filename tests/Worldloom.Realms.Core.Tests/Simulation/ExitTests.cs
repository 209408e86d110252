using Worldloom.Forge.Core.Numerics;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class ExitTests
{
    [Theory]
    [InlineData(ZoneEdge.East, 0, 30, 12)]
    [InlineData(ZoneEdge.West, Trig.AnglesPerTurn / 2, 2, 12)]
    [InlineData(ZoneEdge.South, Trig.QuarterTurn, 12, 30)]
    [InlineData(ZoneEdge.North, 3 * Trig.QuarterTurn, 12, 2)]
    public void WalkingOntoAnExitEdge_LeavesTheZoneWithTheCharacterAndItsEntry(ZoneEdge edge, int angle, int x, int y)
    {
        var sim = Zone.Open(new TestMap(32, 32, new ZoneKey(2, 3)).Exit(edge).Build());
        var player = Guid.NewGuid();
        var entity = sim.AddPlayer(player, RealmRules.Default.NewCharacter("mage") with { Hp = 77, Inventory = "{\"gold\":3}", Position = Vec.AtTile(x, y) });

        sim.Submit(player, Zone.Move(1, angle));
        var crossings = Enumerable.Range(0, 40).SelectMany(_ => sim.Step().Exits).ToList();

        var crossing = Assert.Single(crossings);
        Assert.Equal(player, crossing.CharacterId);
        Assert.Equal(edge, crossing.Exit.Edge);
        Assert.Equal(new ZoneKey(2, 3).Towards(edge), crossing.Exit.Target);
        Assert.Equal(77, crossing.Character.Hp);
        Assert.Equal("{\"gold\":3}", crossing.Character.Inventory);
        Assert.Equal(crossing.Entry, crossing.Character.Position);
        var expected = edge switch
        {
            ZoneEdge.East => (1, 12),
            ZoneEdge.West => (126, 12),
            ZoneEdge.South => (12, 1),
            _ => (12, 126),
        };
        Assert.Equal(expected, (crossing.Entry.TileX, crossing.Entry.TileY));
        Assert.False(sim.TryGetEntity(player, out _));
        Assert.False(sim.Has(entity));
    }

    [Fact]
    public void EdgeWithoutAnExit_StopsThePlayerInTheZone()
    {
        var sim = Zone.Open(new TestMap(32, 32).Exit(ZoneEdge.North).Build());
        var player = sim.Join(28, 12, out var entity);

        sim.Submit(player, Zone.Move(1, 0));
        var crossings = Enumerable.Range(0, 40).SelectMany(_ => sim.Step().Exits).ToList();

        Assert.Empty(crossings);
        Assert.Equal(31, sim.Get(entity).Position.TileX);
    }
}
