using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.Stages.Settling;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Stages.Settling;

namespace Worldloom.Forge.Tests.Stages;

public sealed class RoadStageTests
{
    public static TheoryData<string, WorldPreset, int> Worlds => new()
    {
        { "42", WorldPreset.Continent, 50 },
        { "dragon coast", WorldPreset.Archipelago, 100 },
        { "isles", WorldPreset.Archipelago, 50 },
        { "-7301", WorldPreset.Highlands, 100 },
        { "dunes", WorldPreset.Desert, 50 },
        { "ice", WorldPreset.FrozenNorth, 100 },
    };

    private static ForgeWorld Build(string seed, int size, WorldPreset preset, int density) =>
        SettlingFixture.Run(SettlingFixture.Build(seed, size, preset, density), new SettlementStage(), new RoadStage());

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EverySettlement_ReachesEveryOther_OnItsLandmass(string seed, WorldPreset preset, int density)
    {
        var world = Build(seed, 192, preset, density);
        var land = TestLand.Of(world);
        var index = world.Settlements.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var group = Enumerable.Range(0, world.Settlements.Count).ToArray();
        int Find(int i) => group[i] == i ? i : group[i] = Find(group[i]);
        foreach (var road in world.Roads)
        {
            group[Find(index[road.From])] = Find(index[road.To]);
        }

        var byLandmass = world.Settlements.Select((s, i) => (Label: land.LabelOf(s.Location), i)).GroupBy(p => p.Label).ToList();
        Assert.Contains(byLandmass, g => g.Count() >= 3);
        foreach (var g in byLandmass)
        {
            Assert.Single(g.Select(p => Find(p.i)).Distinct());
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Paths_AreUnbrokenDryLandWalks_BetweenTheirSettlements(string seed, WorldPreset preset, int density)
    {
        var world = Build(seed, 192, preset, density);
        var land = TestLand.Of(world);
        var settlements = world.Settlements.ToDictionary(s => s.Id);

        Assert.NotEmpty(world.Roads);
        foreach (var road in world.Roads)
        {
            Assert.Equal(settlements[road.From].Location, road.Path[0]);
            Assert.Equal(settlements[road.To].Location, road.Path[^1]);
            Assert.All(road.Path, p => Assert.True(land.IsDry(p), $"{road.Id} crosses water at {p}"));
            for (var i = 1; i < road.Path.Count; i++)
            {
                var step = Math.Max(Math.Abs(road.Path[i].X - road.Path[i - 1].X), Math.Abs(road.Path[i].Y - road.Path[i - 1].Y));
                Assert.True(step == 1, $"{road.Id} jumps from {road.Path[i - 1]} to {road.Path[i]}");
            }

            Assert.Equal(land.LabelOf(road.Path[0]), land.LabelOf(road.Path[^1]));
        }
    }

    [Fact]
    public void Costs_LieBetweenRoadAndRoughestTerrain()
    {
        var world = Build("42", 192, WorldPreset.Continent, 80);

        foreach (var road in world.Roads)
        {
            int cheapest = 0, dearest = 0;
            for (var i = 1; i < road.Path.Count; i++)
            {
                var diagonal = road.Path[i].X != road.Path[i - 1].X && road.Path[i].Y != road.Path[i - 1].Y;
                cheapest += GridPathfinder.StepCost(RoadStage.RoadCellCost, diagonal);
                dearest += GridPathfinder.StepCost(10 + 15 + 200 + 30, diagonal);
            }

            Assert.InRange(road.Cost, cheapest, dearest);
        }
    }

    [Fact]
    public void IdsAndEnds_AreWellFormed()
    {
        var world = Build("dragon coast", 192, WorldPreset.Archipelago, 100);
        var ids = world.Settlements.Select(s => s.Id).ToHashSet();

        Assert.Equal(Enumerable.Range(1, world.Roads.Count).Select(i => $"road-{i}"), world.Roads.Select(r => r.Id));
        Assert.All(world.Roads, r => Assert.True(ids.Contains(r.From) && ids.Contains(r.To) && r.From != r.To));
        Assert.Equal(world.Roads.Count, world.Roads.Select(r => (r.From, r.To)).Distinct().Count());
    }

    [Fact]
    public void Roads_MergeIntoANetwork()
    {
        // Later roads reuse earlier road cells, so the network has clearly fewer cells than the paths laid end to end.
        var world = Build("42", 256, WorldPreset.Continent, 100);

        var laid = world.Roads.Sum(r => r.Path.Count);
        var distinct = world.Roads.SelectMany(r => r.Path).Distinct().Count();
        Assert.True(distinct * 10 < laid * 9, $"{distinct} distinct of {laid} laid");
    }

    [Fact]
    public void Network_HasLoops_NotJustATree()
    {
        var world = Build("42", 256, WorldPreset.Continent, 100);
        var land = TestLand.Of(world);
        var landmasses = world.Settlements.Select(s => land.LabelOf(s.Location)).Distinct().Count();

        Assert.True(world.Roads.Count > world.Settlements.Count - landmasses, $"{world.Roads.Count} roads for {world.Settlements.Count} settlements");
    }

    [Fact]
    public void FarApartClusters_OnOneLandmass_AreStillJoined()
    {
        // Each settlement's nearest neighbours all lie in its own cluster, so the neighbour graph alone is split.
        var world = SettlingFixture.Flat(160, 160);
        world.Settlements = SettlingFixture.Villages(
            new(10, 10), new(20, 10), new(10, 20), new(20, 20), new(15, 30), new(30, 12),
            new(140, 140), new(130, 140), new(140, 130), new(130, 130), new(145, 120), new(120, 145));

        new RoadStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, RoadStage.StreamName));

        var crossing = world.Roads.Where(r => (int.Parse(r.From[11..]) <= 6) != (int.Parse(r.To[11..]) <= 6)).ToList();
        var bridge = Assert.Single(crossing);
        // The shortest link between the clusters: (15, 30) to (130, 130).
        Assert.Equal(("settlement-5", "settlement-10"), (bridge.From, bridge.To));
    }

    [Fact]
    public void SettlementsAcrossTheSea_GetNoRoadBetweenThem()
    {
        // A sea channel down columns 60–69 splits the map into two landmasses.
        var world = SettlingFixture.Flat(128, 64, (x, _) => x is >= 60 and < 70);
        world.Settlements = SettlingFixture.Villages(new(50, 30), new(40, 30), new(80, 30), new(90, 30), new(85, 50));

        new RoadStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, RoadStage.StreamName));

        Assert.Equal([("settlement-1", "settlement-2"), ("settlement-3", "settlement-4"), ("settlement-3", "settlement-5")],
            world.Roads.Select(r => (r.From, r.To)).Order().ToList());
        Assert.All(world.Roads.SelectMany(r => r.Path), p => Assert.False(p.X is >= 60 and < 70));
    }

    [Fact]
    public void NoSettlements_NoRoads()
    {
        var world = SettlingFixture.Build("42", 96);
        world.Settlements = [];

        new RoadStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, RoadStage.StreamName));

        Assert.Empty(world.Roads);
    }

    [Fact]
    public void SameSeed_SameRoads_OtherSeed_Different()
    {
        static string Digest(ForgeWorld w) => string.Join(";", w.Roads.Select(r => $"{r.Id}:{r.From}>{r.To}:{r.Cost}:{string.Join(" ", r.Path)}"));

        Assert.Equal(Digest(Build("repeat", 128, WorldPreset.Continent, 60)), Digest(Build("repeat", 128, WorldPreset.Continent, 60)));
        Assert.NotEqual(Digest(Build("repeat", 128, WorldPreset.Continent, 60)), Digest(Build("other", 128, WorldPreset.Continent, 60)));
    }

    [Fact]
    public void MissingSettlementLayers_Throw()
    {
        var world = SettlingFixture.Build("42", 64);
        world.Climate = null;

        var error = Assert.Throws<InvalidOperationException>(() => new RoadStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, RoadStage.StreamName)));
        Assert.Contains("climate", error.Message, StringComparison.Ordinal);
    }
}
