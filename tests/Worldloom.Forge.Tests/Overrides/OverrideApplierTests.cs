using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using static Worldloom.Forge.Tests.Overrides.OverrideAssert;

namespace Worldloom.Forge.Tests.Overrides;

public sealed class OverrideApplierTests
{
    [Fact]
    public void PinNpcTraits_StoresThemSorted()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world, new PinNpcTraits("npc-3", ["zealous", "brave", "calm"])));

        Assert.Equal(["brave", "calm", "zealous"], Npc(world, "npc-3").Traits);
        Assert.Equal(["cunning", "proud"], Npc(TestWorld.Create(), "npc-3").Traits);
    }

    [Theory]
    [InlineData("npc-9", new[] { "brave" }, "overrides[0].npcId")]
    [InlineData("npc-1", new string[0], "overrides[0].traits")]
    [InlineData("npc-1", new[] { "a", "b", "c", "d", "e", "f", "g" }, "overrides[0].traits")]
    [InlineData("npc-1", new[] { "brave", "calm", "brave" }, "overrides[0].traits")]
    [InlineData("npc-1", new[] { "brave", "" }, "overrides[0].traits")]
    [InlineData("npc-1", new[] { "toolongtoolongtoolongtoolongtoolongtoolong" }, "overrides[0].traits")]
    public void PinNpcTraits_Invalid_IsRejected(string id, string[] traits, string field) =>
        Rejected(TestWorld.Create(), [new PinNpcTraits(id, traits)], field);

    [Fact]
    public void PinNpcTraits_SixAndNull_AreTheBounds()
    {
        Succeeded(Apply(TestWorld.Create(), new PinNpcTraits("npc-1", ["a", "b", "c", "d", "e", "f"])));
        Rejected(TestWorld.Create(), [new PinNpcTraits("npc-1", null!)], "overrides[0].traits");
    }

    [Fact]
    public void AddPoi_TakesTheNextIdTheRegionAndAnEmptyHook()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world,
            new AddPointOfInterest("shrine", "Moon Shrine", new GridPoint(9, 7), "Pray here."),
            new AddPointOfInterest("cave", "Dark Cave", new GridPoint(3, 3), null)));

        Assert.Equal(["poi-1", "poi-2", "poi-3", "poi-4"], world.PointsOfInterest.Select(p => p.Id));
        Assert.Equal(
            new PointOfInterest("poi-3", "shrine", "Moon Shrine", new GridPoint(9, 7), "region-3", Poi(world, "poi-3").Hook),
            Poi(world, "poi-3"));
        var hook = Poi(world, "poi-3").Hook;
        Assert.Equal(("Pray here.", 0, 0, (string?)null), (hook.Text, hook.NpcIds.Count, hook.SettlementIds.Count, hook.SpeciesId));
        Assert.Equal(("", "region-1"), (Poi(world, "poi-4").Hook.Text, Poi(world, "poi-4").RegionId));
    }

    [Fact]
    public void AddPoi_NumbersAfterTheHighestNumber_NotTheLastOrTheTextOrder()
    {
        var world = TestWorld.Create();
        var poi = world.PointsOfInterest[0];
        world.PointsOfInterest = [poi with { Id = "poi-10" }, poi with { Id = "poi-9" }, poi with { Id = "landmark" }];

        Succeeded(Apply(world, new AddPointOfInterest("ruin", "New Ruin", new GridPoint(4, 4), null)));

        Assert.Equal("poi-11", world.PointsOfInterest[^1].Id);
    }

    [Fact]
    public void AddPoi_WithoutRegionMap_HasNoRegion()
    {
        var world = TestWorld.Create();
        world.RegionMap = null;

        Succeeded(Apply(world, new AddPointOfInterest("ruin", "New Ruin", new GridPoint(4, 4), null)));

        Assert.Null(world.PointsOfInterest[^1].RegionId);
    }

    [Theory]
    [InlineData("ruin", "Ruin", 0, 4, null, "overrides[0].location")] // sea
    [InlineData("ruin", "Ruin", 11, 3, null, "overrides[0].location")] // lake
    [InlineData("ruin", "Ruin", 4, 40, null, "overrides[0].location")]
    [InlineData("ruin", "", 4, 4, null, "overrides[0].name")]
    [InlineData("", "Ruin", 4, 4, null, "overrides[0].poiKind")]
    public void AddPoi_Invalid_IsRejected(string kind, string name, int x, int y, string? hook, string field) =>
        Rejected(TestWorld.Create(), [new AddPointOfInterest(kind, name, new GridPoint(x, y), hook)], field);

    [Fact]
    public void AddPoi_HookTooLong_IsRejected() =>
        Rejected(TestWorld.Create(), [new AddPointOfInterest("ruin", "Ruin", new GridPoint(4, 4), new string('x', 1001))], "overrides[0].hookText");

    [Fact]
    public void Apply_AnyError_LeavesTheWorldExactlyAsItWas()
    {
        // Every kind succeeds on its own; the last override fails, so none may take effect.
        WorldOverride[] overrides =
        [
            new RenameSettlement("settlement-2", "Brightwater"),
            new MoveSettlement("settlement-6", new GridPoint(3, 9)),
            new DeleteSettlement("settlement-1"),
            new SetRegionBiome("region-2", Biome.Desert),
            new SetRegionFaction("region-3", "faction-2"),
            new PinNpcTraits("npc-4", ["bold"]),
            new AddPointOfInterest("ruin", "Ruin", new GridPoint(4, 4), null),
            new SetCellBiome(new GridPoint(0, 0), Biome.SeaIce),
            new MoveSettlement("settlement-2", new GridPoint(0, 0)),
        ];
        Succeeded(Apply(TestWorld.Create(), overrides[..^1]));

        Rejected(TestWorld.Create(), overrides, "overrides[8].to");
    }

    [Fact]
    public void Apply_ReportsEveryError_InOrder()
    {
        var result = OverrideApplier.Apply(TestWorld.Create(),
        [
            new RenameSettlement("settlement-1", ""),
            new RenameSettlement("settlement-2", "Fine"),
            null!,
            new DeleteSettlement("gone"),
        ]);

        Assert.Equal(["overrides[0].name", "overrides[2]", "overrides[3].settlementId"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Apply_Nothing_Succeeds_AndChangesNothing()
    {
        var world = TestWorld.Create();
        var before = Snapshot.Of(world);

        Succeeded(OverrideApplier.Apply(world, []));

        before.AssertUnchanged(world);
    }

    [Fact]
    public void Order_RenameThenMove_BothApply_AndHooksFollowTheRename()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world,
            new RenameSettlement("settlement-1", "Ashby"),
            new MoveSettlement("settlement-1", new GridPoint(3, 6))));

        var settlement = Settlement(world, "settlement-1");
        Assert.Equal(("Ashby", new GridPoint(3, 6)), (settlement.Name, settlement.Location));
        Assert.StartsWith("Ada of Ashby", Poi(world, "poi-1").Hook.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_ANameFreedByARename_CanBeTakenLater_ButNotEarlier()
    {
        Succeeded(Apply(TestWorld.Create(),
            new RenameSettlement("settlement-2", "Bramble"),
            new RenameSettlement("settlement-5", "Brindle")));

        Rejected(TestWorld.Create(),
            [new RenameSettlement("settlement-5", "Brindle"), new RenameSettlement("settlement-2", "Bramble")],
            "overrides[0].name");
    }

    [Fact]
    public void Order_ACellFreedByAMove_CanBeTakenLater_ButNotEarlier()
    {
        Succeeded(Apply(TestWorld.Create(),
            new MoveSettlement("settlement-2", new GridPoint(4, 9)),
            new MoveSettlement("settlement-6", new GridPoint(5, 8))));

        Rejected(TestWorld.Create(),
            [new MoveSettlement("settlement-6", new GridPoint(5, 8)), new MoveSettlement("settlement-2", new GridPoint(4, 9))],
            "overrides[0].to");
    }

    [Fact]
    public void Order_DeleteThenRename_IsRejected_RenameThenDelete_IsNot()
    {
        Succeeded(Apply(TestWorld.Create(), new RenameSettlement("settlement-2", "X"), new DeleteSettlement("settlement-2")));

        Rejected(TestWorld.Create(), [new DeleteSettlement("settlement-2"), new RenameSettlement("settlement-2", "X")], "overrides[1].settlementId");
    }

    [Fact]
    public void Order_LaterBiomeEditsWin()
    {
        var regionThenCell = TestWorld.Create();
        Succeeded(Apply(regionThenCell, new SetRegionBiome("region-1", Biome.Desert), new SetCellBiome(new GridPoint(3, 3), Biome.Snow)));
        var cellThenRegion = TestWorld.Create();
        Succeeded(Apply(cellThenRegion, new SetCellBiome(new GridPoint(3, 3), Biome.Snow), new SetRegionBiome("region-1", Biome.Desert)));

        Assert.Equal(Biome.Snow, regionThenCell.Biomes![3, 3]);
        Assert.Equal(Biome.Desert, cellThenRegion.Biomes![3, 3]);
    }

    [Fact]
    public void Order_AMoveIntoAHandedOverRegion_TakesTheNewFaction()
    {
        var world = TestWorld.Create();

        Succeeded(Apply(world,
            new SetRegionFaction("region-2", "faction-3"),
            new MoveSettlement("settlement-2", new GridPoint(14, 4))));

        Assert.Equal("faction-3", Settlement(world, "settlement-2").FactionId);
    }

    [Fact]
    public void Batch_RejectedOverride_IsSkipped_AndLaterOnesSeeTheAcceptedOnes()
    {
        var world = TestWorld.Create();
        var batch = new OverrideBatch(world);

        Assert.Empty(batch.Add(new RenameSettlement("settlement-1", "Ashby"), "edit"));
        Assert.Equal(["edit.name"], batch.Add(new RenameSettlement("settlement-2", "Ashby"), "edit").Select(e => e.Field));
        Assert.Empty(batch.Add(new RenameSettlement("settlement-2", "Ashford"), "edit"));
        Assert.Equal("Ashford", Settlement(world, "settlement-1").Name);

        batch.Commit();

        Assert.Equal(2, batch.Count);
        Assert.Equal(("Ashby", "Ashford"), (Settlement(world, "settlement-1").Name, Settlement(world, "settlement-2").Name));
        Assert.Throws<InvalidOperationException>(() => batch.Add(new DeleteSettlement("settlement-1"), "edit"));
    }
}
