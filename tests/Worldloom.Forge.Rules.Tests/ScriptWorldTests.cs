using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Overrides;

namespace Worldloom.Forge.Rules.Tests;

public sealed class ScriptWorldTests
{
    [Fact]
    public void Reads_ShowTheWorld()
    {
        var observer = Rules.Run("""
            function onPois(world) {
              const s = world.settlements[0];
              console.log(s.id, s.name, s.x, s.y, s.size, s.population, s.culture, s.biome, s.coastal, s.freshWater, s.regionId, s.factionId, s.capital);
              console.log(world.width, world.height, world.seaLevel, world.elevation(5, 5), world.biome(0, 0), world.biome(10, 3), world.isLand(0, 0), world.isLand(5, 5));
              console.log(world.temperature(3, 4), world.moisture(3, 4));
              const r = world.regions[1], f = world.factions[1], n = world.npcs[2], p = world.pois[1];
              console.log(world.regions.length, r.id, r.name, r.seatId, r.factionId, r.biome, r.cells);
              console.log(f.id, f.capitalId, f.color, f.relations.map(x => x.factionId + ':' + x.standing + ':' + x.stance).join(','));
              console.log(n.id, n.name, n.settlementId, n.factionId, n.age, n.traits.join('+'), n.relationships.map(x => x.npcId + ':' + x.kind).join(','));
              console.log(world.rivers[0].id, world.rivers[0].name, world.rivers[0].length);
              console.log(p.id, p.kind, p.name, p.x, p.y, p.regionId, p.hook, p.npcIds.join(','), p.settlementIds.join(','));
            }
            """, "pois", TestWorld.Create());

        Assert.Equal(
        [
            "settlement-1 Ashford 2 4 town 5000 maritime beach true false region-1 faction-1 true",
            "16 12 60 155 ocean wetland false true",
            "16 15",
            "3 region-2 Northwood settlement-3 faction-2 temperate_forest 48",
            "faction-2 settlement-3 2245802 faction-1:-40:rival,faction-3:60:friendly",
            "npc-3 Cora Anth settlement-3 faction-2 30 cunning+proud npc-1:rival,npc-4:friend",
            "river-1 Silverrun 5",
            "poi-2 lair Fen Lair 13 9 region-3 Dunmere fears the lair; Dag Orm pays for its head. npc-4 settlement-4",
        ], Rules.Lines(observer));
    }

    [Theory]
    [InlineData("settlements", "npcs", "world.npcs is not available in onSettlements: the npcs stage has not run yet.")]
    [InlineData("settlements", "pois", "world.pois is not available in onSettlements: the pois stage has not run yet.")]
    [InlineData("heightmap", "settlements", "world.settlements is not available in onHeightmap: the settlements stage has not run yet.")]
    public void Reads_OfALaterStagesList_FailClearly(string stage, string list, string message)
    {
        var error = Rules.Fails($"function {RuleScript.HookName(stage)}(world) {{\n  return world.{list}.length;\n}}", stage, TestWorld.Create());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((2, stage), (error.Line, error.Stage));
    }

    [Fact]
    public void Reads_OfAMissingLayer_FailClearly()
    {
        var world = TestWorld.Create();
        world.Climate = null;
        world.RegionMap = null;
        world.Hydrology = null;

        Assert.Contains("world.temperature is not available in onPois: the climate stage has not run yet.", Rules.Fails("function onPois(world) { world.temperature(1, 1); }", "pois", world).Message, StringComparison.Ordinal);
        Assert.Contains("world.regions is not available in onPois: the regions stage", Rules.Fails("function onPois(world) { world.regions; }", "pois", world).Message, StringComparison.Ordinal);
        Assert.Contains("world.rivers is not available in onPois: the hydrology stage", Rules.Fails("function onPois(world) { world.rivers; }", "pois", world).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("world.elevation(16, 0)", "outside the world")]
    [InlineData("world.elevation(0)", "y must be an integer; got undefined")]
    [InlineData("world.biome(1.5, 0)", "x must be an integer; got 1.5")]
    [InlineData("world.setBiome(3, 3, 'lava')", "biome must be a biome name")]
    [InlineData("world.renameSettlement('settlement-1', 7)", "name must be a string; got 7")]
    [InlineData("world.setNpcTraits('npc-1', 'brave')", "traits must be an array of strings")]
    [InlineData("world.setNpcTraits('npc-1', ['brave', 3])", "traits[1] must be a string")]
    [InlineData("world.addPoi('ruin')", "must be an object")]
    public void BadArguments_AreErrorsAtTheCall(string call, string message)
    {
        var error = Rules.Fails($"function onPois(world) {{\n\n  {call};\n}}", "pois", TestWorld.Create());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Edits_AllKinds_AreApplied_AndRecorded()
    {
        var world = TestWorld.Create();

        var observer = Rules.Run("""
            function onPois(world) {
              world.renameSettlement('settlement-2', 'Bramblegate');
              world.moveSettlement('settlement-2', 4, 9);
              world.removeSettlement('settlement-5');
              world.setBiome(0, 0, 'sea_ice');
              world.setRegionBiome('region-2', 'desert');
              world.setRegionFaction('region-3', 'faction-2');
              world.setNpcTraits('npc-1', ['wise', 'brave']);
              world.addPoi({ kind: 'shrine', name: 'Moon Shrine', x: 9, y: 7, hook: 'Pray at dusk.' });
              world.addPoi({ kind: 'cave', name: 'Dark Cave', x: 3, y: 3 });
            }
            """, "pois", world);

        var brindle = world.Settlements.Single(s => s.Id == "settlement-2");
        Assert.Equal(("Bramblegate", new GridPoint(4, 9)), (brindle.Name, brindle.Location));
        Assert.DoesNotContain(world.Settlements, s => s.Id == "settlement-5");
        Assert.Equal(Biome.SeaIce, world.Biomes![0, 0]);
        Assert.Equal(Biome.Desert, world.Biomes[12, 0]);
        Assert.Equal("faction-2", world.Settlements.Single(s => s.Id == "settlement-4").FactionId);
        Assert.Equal(["brave", "wise"], world.Npcs.Single(n => n.Id == "npc-1").Traits);
        Assert.Equal(["poi-3", "poi-4"], world.PointsOfInterest.Skip(2).Select(p => (p.Id)));
        Assert.Equal(("Pray at dusk.", ""), (world.PointsOfInterest[2].Hook.Text, world.PointsOfInterest[3].Hook.Text));
        Assert.Equal(
            ["rename_settlement", "move_settlement", "delete_settlement", "set_cell_biome", "set_region_biome", "set_region_faction", "pin_npc_traits", "add_poi", "add_poi"],
            observer.Edits.Select(e => e.Override.Kind));
        Assert.All(observer.Edits, e => Assert.Equal("pois", e.Stage));
        Assert.Equal(new RenameSettlement("settlement-2", "Bramblegate"), observer.Edits[0].Override);
    }

    [Fact]
    public void Edits_TakeEffectWhenTheHookReturns()
    {
        var world = TestWorld.Create();
        var observer = Rules.Observe("""
            function onRoads(world) {
              world.renameSettlement('settlement-1', 'Ashby');
              console.log(world.settlements[0].name);
            }
            function onPois(world) { console.log(world.settlements[0].name); }
            """);

        Rules.Complete(observer, "roads", world);
        Rules.Complete(observer, "pois", world);

        Assert.Equal(["Ashford", "Ashby"], Rules.Lines(observer));
    }

    [Fact]
    public void Throw_AfterEdits_LeavesTheWorldUnchanged()
    {
        var world = TestWorld.Create();
        var before = OverrideAssert.Snapshot.Of(world);

        var error = Rules.Fails("""
            function onPois(world) {
              world.renameSettlement('settlement-1', 'Ashby');
              world.setRegionBiome('region-1', 'snow');
              throw new Error('changed my mind');
            }
            """, "pois", world);

        Assert.Equal("rules.js:4:9 (onPois): Error: changed my mind", error.Message);
        before.AssertUnchanged(world);
    }

    [Fact]
    public void InvalidEdit_Uncaught_FailsAtItsLine_AndLeavesTheWorldUnchanged()
    {
        var world = TestWorld.Create();
        var before = OverrideAssert.Snapshot.Of(world);

        var error = Rules.Fails("""
            function onPois(world) {
              world.renameSettlement('settlement-1', 'Ashby');
              world.moveSettlement('settlement-2', 0, 5);
            }
            """, "pois", world);

        Assert.Equal("rules.js:3:3 (onPois): Error: world.moveSettlement: to: The cell (0, 5) is water.", error.Message);
        Assert.Equal((3, 3, "pois"), (error.Line, error.Column, error.Stage));
        before.AssertUnchanged(world);
    }

    [Fact]
    public void InvalidEdit_Caught_IsSkipped_AndTheRestApplies()
    {
        var world = TestWorld.Create();

        var observer = Rules.Run("""
            function onPois(world) {
              world.renameSettlement('settlement-1', 'Ashby');
              try { world.renameSettlement('settlement-2', 'Ashby'); } catch (e) { console.log(e.message); }
              world.renameSettlement('settlement-2', 'Ashby Minor');
            }
            """, "pois", world);

        Assert.Equal(["world.renameSettlement: name: Settlement 'settlement-1' is already called 'Ashby'."], Rules.Lines(observer));
        Assert.Equal(["Ashby", "Ashby Minor"], world.Settlements.Take(2).Select(s => s.Name));
        Assert.Equal(2, observer.Edits.Count);
    }

    [Fact]
    public void Edits_SeeEarlierEditsOfTheSameHook()
    {
        var world = TestWorld.Create();

        Rules.Run("function onPois(world) { world.removeSettlement('settlement-6'); world.renameSettlement('settlement-1', 'Ash'); }", "pois", world);

        Assert.Equal("Ash", world.Settlements[0].Name);
    }

    [Theory]
    [InlineData("kept.world.renameSettlement('settlement-1', 'Late')", "world belongs to onRoads, which has returned")]
    [InlineData("kept.world.settlements", "world belongs to onRoads")]
    [InlineData("kept.world.elevation(1, 1)", "world belongs to onRoads")]
    [InlineData("kept.rng.next()", "rng belongs to onRoads")]
    public void ObjectsOfAnEarlierHook_RefuseToWork(string use, string message)
    {
        var world = TestWorld.Create();
        var observer = Rules.Observe($"const kept = {{}}; function onRoads(world, rng) {{ kept.world = world; kept.rng = rng; }} function onPois() {{ {use}; }}");
        Rules.Complete(observer, "roads", world);

        var error = Assert.Throws<RuleScriptException>(() => Rules.Complete(observer, "pois", world));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("Ashford", world.Settlements[0].Name);
    }
}
