using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using static Worldloom.Forge.Tests.Overrides.OverrideAssert;

namespace Worldloom.Forge.Tests.Overrides;

public sealed class OverrideApplierRegionTests
{
    [Fact]
    public void SetRegionBiome_PaintsEveryLandCellButLakes_AndItsSettlements()
    {
        var world = TestWorld.Create();
        var before = world.Biomes!.Cells.ToArray();

        Succeeded(Apply(world, new SetRegionBiome("region-2", Biome.Desert)));

        for (var y = 0; y < TestWorld.Height; y++)
        {
            for (var x = 0; x < TestWorld.Width; x++)
            {
                var expected = world.RegionMap![x, y] == 2 && !TestWorld.LakeCells.Contains(new GridPoint(x, y))
                    ? Biome.Desert
                    : (Biome)before[(y * TestWorld.Width) + x];
                Assert.Equal(expected, world.Biomes![x, y]);
            }
        }

        Assert.Equal(Biome.Wetland, world.Biomes![10, 3]);
        Assert.Equal(Biome.Desert, Region(world, "region-2").Biome);
        Assert.Equal(Biome.Desert, Settlement(world, "settlement-3").Biome);
        Assert.Equal(Biome.TemperateForest, Settlement(world, "settlement-4").Biome);
        Assert.Equal(Biome.TemperateForest, Region(world, "region-3").Biome);
    }

    [Fact]
    public void SetRegionBiome_ReplacesTheBiomeLayer_LeavingTheOldOneAsItWas()
    {
        var world = TestWorld.Create();
        var old = world.Biomes!;

        Succeeded(Apply(world, new SetRegionBiome("region-1", Biome.Snow)));

        Assert.NotSame(old, world.Biomes);
        Assert.Equal(Biome.Grassland, old[3, 3]);
        Assert.Equal(Biome.Snow, world.Biomes![3, 3]);
    }

    [Theory]
    [InlineData("region-9", Biome.Desert, "overrides[0].regionId")]
    [InlineData("region-1", Biome.Ocean, "overrides[0].biome")]
    [InlineData("region-1", Biome.ShallowSea, "overrides[0].biome")]
    [InlineData("region-1", Biome.SeaIce, "overrides[0].biome")]
    [InlineData("region-1", (Biome)200, "overrides[0].biome")]
    public void SetRegionBiome_Invalid_IsRejected(string id, Biome biome, string field) =>
        Rejected(TestWorld.Create(), [new SetRegionBiome(id, biome)], field);

    [Fact]
    public void SetRegionFaction_HandsOverTheRegionItsSettlementsAndTheirPeople()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new SetRegionFaction("region-2", "faction-1")));

        Assert.Equal("faction-1", Region(world, "region-2").FactionId);
        var corvale = Settlement(world, "settlement-3");
        Assert.Equal(("faction-1", false), (corvale.FactionId, corvale.IsCapital));
        Assert.Equal("faction-1", Npc(world, "npc-3").FactionId);
        Assert.Equal("settlement-1", Faction(world, "faction-1").CapitalId);
        Assert.Equal(string.Empty, Faction(world, "faction-2").CapitalId);
        Assert.Equal("faction-3", Settlement(world, "settlement-4").FactionId);
    }

    [Fact]
    public void SetRegionFaction_ToAFactionWithoutCapital_MakesItsBiggestSettlementCapital()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world,
            new SetRegionFaction("region-2", "faction-1"),
            new SetRegionFaction("region-2", "faction-2")));

        Assert.Equal("settlement-3", Faction(world, "faction-2").CapitalId);
        Assert.True(Settlement(world, "settlement-3").IsCapital);
        Assert.Equal("faction-2", Npc(world, "npc-3").FactionId);
    }

    [Theory]
    [InlineData("region-9", "faction-1", "overrides[0].regionId")]
    [InlineData("region-1", "faction-9", "overrides[0].factionId")]
    public void SetRegionFaction_Unknown_IsRejected(string region, string faction, string field) =>
        Rejected(TestWorld.Create(), [new SetRegionFaction(region, faction)], field);

    [Fact]
    public void SetCellBiome_PaintsOneCell_AndTheSettlementOnIt()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new SetCellBiome(new GridPoint(12, 2), Biome.Alpine), new SetCellBiome(new GridPoint(0, 0), Biome.SeaIce)));

        Assert.Equal(Biome.Alpine, world.Biomes![12, 2]);
        Assert.Equal(Biome.SeaIce, world.Biomes[0, 0]);
        Assert.Equal(Biome.TemperateForest, world.Biomes[13, 2]);
        Assert.Equal(Biome.Alpine, Settlement(world, "settlement-3").Biome);
        Assert.Equal(Biome.TemperateForest, Region(world, "region-2").Biome);
    }

    [Theory]
    [InlineData(16, 0, Biome.Desert, "overrides[0].cell")]
    [InlineData(0, -1, Biome.Ocean, "overrides[0].cell")]
    [InlineData(5, 5, Biome.Ocean, "overrides[0].biome")] // water biome on land
    [InlineData(1, 5, Biome.Desert, "overrides[0].biome")] // land biome at sea
    [InlineData(5, 5, (Biome)17, "overrides[0].biome")]
    public void SetCellBiome_Invalid_IsRejected(int x, int y, Biome biome, string field) =>
        Rejected(TestWorld.Create(), [new SetCellBiome(new GridPoint(x, y), biome)], field);

    [Fact]
    public void BiomeEdits_BeforeTheBiomeStage_AreRejected()
    {
        var world = TestWorld.Create();
        world.Biomes = null;

        var result = OverrideApplier.Apply(world, [new SetCellBiome(new GridPoint(5, 5), Biome.Desert), new SetRegionBiome("region-1", Biome.Desert)]);

        Assert.Equal(["overrides[0].biome", "overrides[1].biome"], result.Errors.Select(e => e.Field));
        Assert.Null(world.Biomes);
    }
}
