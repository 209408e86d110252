using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Stages.Settling;

namespace Worldloom.Forge.Tests.Stages;

public sealed class SettlementStageTests
{
    public static TheoryData<string, WorldPreset> Worlds => new()
    {
        { "42", WorldPreset.Continent },
        { "dragon coast", WorldPreset.Archipelago },
        { "-7301", WorldPreset.Highlands },
        { "dunes", WorldPreset.Desert },
        { "ice", WorldPreset.FrozenNorth },
    };

    private static ForgeWorld Settle(string seed, int size = 128, WorldPreset preset = WorldPreset.Continent, int density = 50, int seaLevel = 50) =>
        SettlingFixture.Run(SettlingFixture.Build(seed, size, preset, density, seaLevel: seaLevel), new SettlementStage());

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Settlements_StandOnDryLand_NeverOnSeaOrLake(string seed, WorldPreset preset)
    {
        var world = Settle(seed, 192, preset);
        var land = TestLand.Of(world);

        Assert.NotEmpty(world.Settlements);
        Assert.All(world.Settlements, s => Assert.True(land.IsDry(s.Location), $"{s.Id} at {s.Location}"));
    }

    [Fact]
    public void Settlements_NextToTheFixtureLake_StillStandOffIt()
    {
        // The fixture's lake sits on land above sea level: only the lake grid says it is water.
        var world = Settle("42", 256, density: 100);
        var lakes = world.Hydrology!.LakeCells.ToArray();

        Assert.Contains(lakes, l => l != 0);
        Assert.All(world.Settlements, s => Assert.Equal(0, lakes[(s.Location.Y * world.Width) + s.Location.X]));
    }

    [Theory]
    [InlineData("42", 0)]
    [InlineData("42", 100)]
    [InlineData("dragon coast", 100)]
    public void Settlements_KeepTheMinimumSpacing(string seed, int density)
    {
        var settlements = Settle(seed, 192, WorldPreset.Archipelago, density).Settlements;

        for (var i = 0; i < settlements.Count; i++)
        {
            for (var j = i + 1; j < settlements.Count; j++)
            {
                int dx = settlements[i].Location.X - settlements[j].Location.X, dy = settlements[i].Location.Y - settlements[j].Location.Y;
                Assert.True((dx * dx) + (dy * dy) >= SettlementStage.MinSpacing * SettlementStage.MinSpacing, $"{settlements[i].Id} and {settlements[j].Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Sizes_MatchPopulation_AndFewCitiesManySmallPlaces(string seed, WorldPreset preset)
    {
        var settlements = Settle(seed, 256, preset, 70).Settlements;

        Assert.All(settlements, s => Assert.Equal(s.Size, s.Population switch
        {
            < 100 => SettlementSize.Hamlet,
            < 1000 => SettlementSize.Village,
            < 10000 => SettlementSize.Town,
            _ => SettlementSize.City,
        }));
        Assert.All(settlements, s => Assert.InRange(s.Population, 1, int.MaxValue));
        var count = settlements.GroupBy(s => s.Size).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(settlements.Count >= 20, $"{settlements.Count} settlements");
        Assert.InRange(count.GetValueOrDefault(SettlementSize.City), 1, count.GetValueOrDefault(SettlementSize.Town) - 1);
        Assert.True(count[SettlementSize.Town] < count[SettlementSize.Village] + count[SettlementSize.Hamlet]);
        Assert.All(settlements.Where(s => s.Size == SettlementSize.City), s => Assert.True(s.Coastal || s.FreshWater, $"{s.Id} has no water"));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void IdsNamesAndCultures_AreWellFormed(string seed, WorldPreset preset)
    {
        var settlements = Settle(seed, 192, preset, 100).Settlements;

        Assert.Equal(Enumerable.Range(1, settlements.Count).Select(i => $"settlement-{i}"), settlements.Select(s => s.Id));
        Assert.Equal(settlements.Count, settlements.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(settlements, s => Assert.NotNull(Cultures.Find(s.Culture)));
        Assert.All(settlements, s => Assert.False(string.IsNullOrWhiteSpace(s.Name)));
        Assert.All(settlements, s => Assert.True(s is { RegionId: null, FactionId: null, IsCapital: false }));
    }

    [Fact]
    public void Flags_DescribeTheSite()
    {
        var world = Settle("dragon coast", 256, WorldPreset.Archipelago, 100);
        var land = TestLand.Of(world);
        var rivers = new HashSet<GridPoint>(world.Hydrology!.Rivers.SelectMany(r => r.Path).Where(land.IsDry));

        foreach (var s in world.Settlements)
        {
            var around = Neighbourhood(s.Location, world).ToList();
            Assert.Equal(around.Any(p => land.Sea[land.Cell(p)]), s.Coastal);
            Assert.Equal(around.Append(s.Location).Any(p => rivers.Contains(p) || world.Hydrology.IsLake(p.X, p.Y)), s.FreshWater);
            Assert.Equal(world.Biomes![s.Location.X, s.Location.Y], s.Biome);
        }

        Assert.Contains(world.Settlements, s => s.Coastal);
    }

    [Fact]
    public void Suitability_FavoursWhereSettlementsStand()
    {
        var world = Settle("42", 256);
        var scores = SettlementStage.Suitability(world);
        var land = TestLand.Of(world);

        var landMean = Enumerable.Range(0, scores.Length).Where(i => land.Dry[i]).Average(i => (long)scores[i]);
        var siteMean = world.Settlements.Average(s => (long)scores[land.Cell(s.Location)]);
        Assert.True(siteMean > landMean + 10, $"sites {siteMean}, land {landMean}");
        Assert.All(world.Settlements, s => Assert.True(scores[land.Cell(s.Location)] >= SettlementStage.MinScore));
        Assert.All(Enumerable.Range(0, scores.Length).Where(i => !land.Dry[i]), i => Assert.Equal(-1, scores[i]));
    }

    [Theory]
    [InlineData("42", WorldPreset.Continent)]
    [InlineData("dragon coast", WorldPreset.Archipelago)]
    [InlineData("-7301", WorldPreset.Highlands)]
    public void Density_MoreNeverGivesFewer(string seed, WorldPreset preset)
    {
        var counts = new[] { 0, 10, 25, 50, 75, 90, 100 }.Select(d => Settle(seed, 192, preset, d).Settlements.Count).ToArray();

        for (var i = 1; i < counts.Length; i++)
        {
            Assert.True(counts[i] >= counts[i - 1], string.Join(", ", counts));
        }

        Assert.True(counts[^1] > 3 * counts[0], string.Join(", ", counts));
    }

    [Fact]
    public void Density_OnlyExtendsTheList()
    {
        // A denser world keeps every site of a sparser one, in the same order.
        var sparse = Settle("42", 192, density: 20).Settlements.Select(s => s.Location).ToList();
        var dense = Settle("42", 192, density: 80).Settlements.Select(s => s.Location).ToList();

        Assert.Equal(sparse, dense.Take(sparse.Count));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("dragon coast")]
    [InlineData("-7301")]
    public void DefaultContinent256_HasTwentyToSixty(string seed) =>
        Assert.InRange(Settle(seed, 256).Settlements.Count, 20, 60);

    [Fact]
    public void LargeIslands_GetASettlement()
    {
        var world = Settle("dragon coast", 256, WorldPreset.Archipelago, density: 0);
        var land = TestLand.Of(world);
        var scores = SettlementStage.Suitability(world);
        var settled = world.Settlements.Select(s => land.LabelOf(s.Location)).ToHashSet();

        var islands = Enumerable.Range(1, land.Count)
            .Where(l => land.SizeOf(l) >= SettlementStage.IslandCells)
            .Where(l => Enumerable.Range(0, scores.Length).Any(i => land.Labels[i] == l && scores[i] >= SettlementStage.MinScore))
            .ToList();
        Assert.True(islands.Count >= 3, $"only {islands.Count} large islands");
        Assert.All(islands, l => Assert.Contains(l, settled));
    }

    [Fact]
    public void NoLand_NoSettlements()
    {
        var world = Settle("42", 64, seaLevel: 100);

        Assert.Equal(0, world.Heightmap!.CountLand());
        Assert.Empty(world.Settlements);
        Assert.Equal(0, SettlementStage.TargetCount(0, 100));
    }

    [Fact]
    public void TargetCount_GrowsWithLandAndDensity()
    {
        Assert.Equal(1, SettlementStage.TargetCount(10, 0));
        Assert.InRange(SettlementStage.TargetCount(25000, 50), 20, 60);
        for (var d = 1; d <= 100; d++)
        {
            Assert.True(SettlementStage.TargetCount(100000, d) >= SettlementStage.TargetCount(100000, d - 1));
        }

        Assert.True(SettlementStage.TargetCount(200000, 50) > SettlementStage.TargetCount(100000, 50));
    }

    [Fact]
    public void SameSeed_SameSettlements_OtherSeed_Different()
    {
        var first = Settle("repeat", 128).Settlements;
        var second = Settle("repeat", 128).Settlements;
        var other = Settle("other", 128).Settlements;

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(s => s.Name), other.Select(s => s.Name));
    }

    [Fact]
    public void Jitter_ChangesTheOrder_OnTheSameTerrain()
    {
        // The same terrain with another settlement stream: ties between equal sites fall differently.
        var world = SettlingFixture.Build("42", 192);
        new SettlementStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, SettlementStage.StreamName));
        var usual = world.Settlements.Select(s => s.Location).ToList();
        new SettlementStage().Run(world, ChaChaRng.ForStage("elsewhere"u8, SettlementStage.StreamName));

        Assert.NotEqual(usual, world.Settlements.Select(s => s.Location).ToList());
    }

    [Fact]
    public void MissingLayer_ThrowsNamingTheStageThatShouldHaveRun()
    {
        var world = SettlingFixture.Build("42", 64);
        world.Hydrology = null;

        var error = Assert.Throws<InvalidOperationException>(() => new SettlementStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, "settlements")));
        Assert.Contains("hydrology", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchedLayer_Throws()
    {
        var world = SettlingFixture.Build("42", 64);
        world.Biomes = new BiomeMap(32, 32, new byte[32 * 32]);

        var error = Assert.Throws<InvalidOperationException>(() => new SettlementStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, "settlements")));
        Assert.Contains("biome", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<GridPoint> Neighbourhood(GridPoint p, ForgeWorld world)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var q = new GridPoint(p.X + dx, p.Y + dy);
                if ((dx | dy) != 0 && q.X >= 0 && q.Y >= 0 && q.X < world.Width && q.Y < world.Height)
                {
                    yield return q;
                }
            }
        }
    }
}
