using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using static Worldloom.Forge.Tests.Overrides.OverrideAssert;

namespace Worldloom.Forge.Tests.Overrides;

public sealed class OverrideApplierSettlementTests
{
    [Fact]
    public void Move_WithinRegion_UpdatesLocationAndDropsItsRoads()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new MoveSettlement("settlement-2", new GridPoint(4, 5))));

        var moved = Settlement(world, "settlement-2");
        Assert.Equal(new GridPoint(4, 5), moved.Location);
        Assert.Equal(Biome.Grassland, moved.Biome);
        Assert.False(moved.Coastal);
        Assert.False(moved.FreshWater);
        Assert.Equal("region-1", moved.RegionId);
        Assert.Equal("faction-1", moved.FactionId);
        Assert.Equal(["road-2", "road-3", "road-4"], world.Roads.Select(r => r.Id));
    }

    [Fact]
    public void Move_ToTheShore_TakesTheShoreBiomeAndIsCoastal()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new MoveSettlement("settlement-6", new GridPoint(2, 9))));

        var moved = Settlement(world, "settlement-6");
        Assert.Equal(Biome.Beach, moved.Biome);
        Assert.True(moved.Coastal);
    }

    [Fact]
    public void Move_NextToALake_HasFreshWater_AndJoinsThatRegionsFaction()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new MoveSettlement("settlement-2", new GridPoint(10, 4))));

        var moved = Settlement(world, "settlement-2");
        Assert.True(moved.FreshWater);
        Assert.Equal(Biome.TemperateForest, moved.Biome);
        Assert.Equal("region-2", moved.RegionId);
        Assert.Equal("faction-2", moved.FactionId);
        Assert.False(moved.IsCapital);
    }

    [Fact]
    public void Move_CapitalIntoAnotherFaction_NpcsFollow_AndTheBiggestLeftBecomesCapitalAndSeat()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new MoveSettlement("settlement-1", new GridPoint(14, 10))));

        var moved = Settlement(world, "settlement-1");
        Assert.Equal(("region-3", "faction-3", false), (moved.RegionId, moved.FactionId, moved.IsCapital));
        Assert.All(new[] { "npc-1", "npc-2" }, id => Assert.Equal("faction-3", Npc(world, id).FactionId));
        Assert.Equal("settlement-2", Faction(world, "faction-1").CapitalId);
        Assert.True(Settlement(world, "settlement-2").IsCapital);
        Assert.Equal("settlement-2", Region(world, "region-1").SeatId);
        Assert.Equal("settlement-4", Faction(world, "faction-3").CapitalId);
        Assert.Equal(["road-3", "road-4"], world.Roads.Select(r => r.Id));
    }

    [Fact]
    public void Move_IntoAFactionAndRegionLeftEmpty_MakesItCapitalAndSeat()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world,
            new DeleteSettlement("settlement-3"),
            new MoveSettlement("settlement-2", new GridPoint(13, 4))));

        Assert.Equal("settlement-2", Faction(world, "faction-2").CapitalId);
        Assert.Equal("settlement-2", Region(world, "region-2").SeatId);
        var moved = Settlement(world, "settlement-2");
        Assert.Equal(("faction-2", true), (moved.FactionId, moved.IsCapital));
        Assert.Equal("settlement-1", Faction(world, "faction-1").CapitalId);
    }

    [Fact]
    public void Move_WithoutRegionMap_KeepsRegionAndFaction()
    {
        var world = TestWorld.Create();
        world.RegionMap = null;

        Succeeded(Apply(world, new MoveSettlement("settlement-2", new GridPoint(14, 10))));

        Assert.Equal(("region-1", "faction-1"), (Settlement(world, "settlement-2").RegionId, Settlement(world, "settlement-2").FactionId));
    }

    [Fact]
    public void Move_ToItsOwnCell_ChangesNothing()
    {
        var world = TestWorld.Create();
        var roads = world.Roads;

        Succeeded(Apply(world, new MoveSettlement("settlement-1", new GridPoint(2, 4))));

        Assert.Same(roads, world.Roads);
    }

    [Theory]
    [InlineData("settlement-99", 4, 5, "overrides[0].settlementId")]
    [InlineData("settlement-2", -1, 5, "overrides[0].to")]
    [InlineData("settlement-2", 16, 5, "overrides[0].to")]
    [InlineData("settlement-2", 4, 12, "overrides[0].to")]
    [InlineData("settlement-2", 0, 5, "overrides[0].to")] // sea
    [InlineData("settlement-2", 10, 3, "overrides[0].to")] // lake
    [InlineData("settlement-2", 12, 2, "overrides[0].to")] // Corvale stands there
    public void Move_Invalid_IsRejected(string id, int x, int y, string field) =>
        Rejected(TestWorld.Create(), [new MoveSettlement(id, new GridPoint(x, y))], field);

    [Fact]
    public void Move_UnknownIdOntoWater_ReportsBothFields() =>
        Rejected(TestWorld.Create(), [new MoveSettlement("nope", new GridPoint(0, 0))], "overrides[0].settlementId", "overrides[0].to");

    [Fact]
    public void Rename_ChangesTheName_AndHooksThatNameIt()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new RenameSettlement("settlement-1", "Ashby")));

        Assert.Equal("Ashby", Settlement(world, "settlement-1").Name);
        Assert.Equal("Ada of Ashby says the Old Mill hides a map to Corvale.", Poi(world, "poi-1").Hook.Text);
        Assert.Equal("Dunmere fears the lair; Dag Orm pays for its head.", Poi(world, "poi-2").Hook.Text);
    }

    [Fact]
    public void Rename_ReplacesWholeWordsOnly()
    {
        var world = TestWorld.Create();
        var poi = world.PointsOfInterest[0];
        world.PointsOfInterest = [poi with { Hook = poi.Hook with { Text = "Ash lies north of Ashford; Ash's well is dry.", SettlementIds = ["settlement-1", "settlement-6"] } }];

        Succeeded(Apply(world, new RenameSettlement("settlement-6", "Cinder")));

        Assert.Equal("Cinder lies north of Ashford; Cinder's well is dry.", Poi(world, "poi-1").Hook.Text);
    }

    [Fact]
    public void Rename_LeavesHooksThatDoNotReferenceTheSettlement()
    {
        var world = TestWorld.Create();
        var lair = world.PointsOfInterest[1];
        world.PointsOfInterest = [world.PointsOfInterest[0], lair with { Hook = lair.Hook with { Text = "Dunmere trades with Ashford." } }];

        Succeeded(Apply(world, new RenameSettlement("settlement-1", "Ashby")));

        Assert.Equal("Dunmere trades with Ashford.", Poi(world, "poi-2").Hook.Text);
    }

    [Fact]
    public void Rename_ToItsOwnName_IsAccepted() =>
        Succeeded(Apply(TestWorld.Create(), new RenameSettlement("settlement-1", "Ashford")));

    [Fact]
    public void Rename_ToEightyCharacters_IsAccepted() =>
        Succeeded(Apply(TestWorld.Create(), new RenameSettlement("settlement-1", new string('a', 80))));

    [Theory]
    [InlineData("settlement-99", "Newton", "overrides[0].settlementId")]
    [InlineData("settlement-1", "", "overrides[0].name")]
    [InlineData("settlement-1", "   ", "overrides[0].name")]
    [InlineData("settlement-1", "Bad\nName", "overrides[0].name")]
    [InlineData("settlement-1", "Corvale", "overrides[0].name")]
    public void Rename_Invalid_IsRejected(string id, string name, string field) =>
        Rejected(TestWorld.Create(), [new RenameSettlement(id, name)], field);

    [Fact]
    public void Rename_TooLongOrNull_IsRejected()
    {
        Rejected(TestWorld.Create(), [new RenameSettlement("settlement-1", new string('a', 81))], "overrides[0].name");
        Rejected(TestWorld.Create(), [new RenameSettlement("settlement-1", null!)], "overrides[0].name");
    }

    [Fact]
    public void Delete_RemovesSettlementPeopleTheirTiesRoadsAndHookIds()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new DeleteSettlement("settlement-1")));

        Assert.DoesNotContain(world.Settlements, s => s.Id == "settlement-1");
        Assert.Equal(["npc-3", "npc-4", "npc-5"], world.Npcs.Select(n => n.Id));
        Assert.Equal([new NpcRelationship("npc-4", "friend")], Npc(world, "npc-3").Relationships);
        Assert.Equal(["road-3", "road-4"], world.Roads.Select(r => r.Id));
        var hook = Poi(world, "poi-1").Hook;
        Assert.Equal("Ada of Ashford says the Old Mill hides a map to Corvale.", hook.Text);
        Assert.Empty(hook.NpcIds);
        Assert.Equal(["settlement-3"], hook.SettlementIds);
    }

    [Fact]
    public void Delete_Capital_MakesTheMostPopulousLeftCapitalAndSeat()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new DeleteSettlement("settlement-1")));

        Assert.Equal("settlement-2", Faction(world, "faction-1").CapitalId);
        Assert.True(Settlement(world, "settlement-2").IsCapital);
        Assert.False(Settlement(world, "settlement-6").IsCapital);
        Assert.Equal("settlement-2", Region(world, "region-1").SeatId);
    }

    [Fact]
    public void Delete_LastSettlementOfAFaction_LeavesItWithoutCapitalOrSeat()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new DeleteSettlement("settlement-3")));

        Assert.Equal(string.Empty, Faction(world, "faction-2").CapitalId);
        Assert.Equal(string.Empty, Region(world, "region-2").SeatId);
    }

    [Fact]
    public void Delete_Unknown_IsRejected() =>
        Rejected(TestWorld.Create(), [new DeleteSettlement("settlement-7")], "overrides[0].settlementId");
}
