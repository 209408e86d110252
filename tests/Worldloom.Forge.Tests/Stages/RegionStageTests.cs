using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Stages.Settling;

namespace Worldloom.Forge.Tests.Stages;

public sealed class RegionStageTests
{
    public static TheoryData<string, WorldPreset, int, int> Worlds => new()
    {
        { "42", WorldPreset.Continent, 50, 4 },
        { "dragon coast", WorldPreset.Archipelago, 50, 6 },
        { "isles", WorldPreset.Archipelago, 20, 32 },
        { "-7301", WorldPreset.Highlands, 80, 3 },
        { "dunes", WorldPreset.Desert, 50, 1 },
        { "ice", WorldPreset.FrozenNorth, 100, 8 },
    };

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EveryDryCell_HasOneRegion_AndNoWaterCellHasAny(string seed, WorldPreset preset, int density, int factions)
    {
        var world = SettlingFixture.Settled(seed, 160, preset, density, factions);
        var land = TestLand.Of(world);
        var map = world.RegionMap!;

        Assert.Equal((world.Width, world.Height), (map.Width, map.Height));
        for (var i = 0; i < map.Cells.Length; i++)
        {
            if (land.Dry[i])
            {
                Assert.InRange(map.Cells[i], 1, world.Regions.Count);
            }
            else
            {
                Assert.Equal(0, map.Cells[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EachRegion_IsOneConnectedPiece_OfTheCellsItCounts(string seed, WorldPreset preset, int density, int factions)
    {
        var world = SettlingFixture.Settled(seed, 160, preset, density, factions);
        var map = world.RegionMap!;

        Assert.Equal(Enumerable.Range(1, world.Regions.Count).Select(i => $"region-{i}"), world.Regions.Select(r => r.Id));
        for (var r = 1; r <= world.Regions.Count; r++)
        {
            var member = map.Cells.ToArray().Select(c => c == r).ToArray();
            TestLand.Components(member, map.Width, map.Height, out var pieces);
            Assert.True(pieces == 1, $"region-{r} has {pieces} pieces");
            Assert.Equal(member.Count(m => m), world.Regions[r - 1].Cells);
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Settlements_KnowTheirRegionAndFaction(string seed, WorldPreset preset, int density, int factions)
    {
        var world = SettlingFixture.Settled(seed, 160, preset, density, factions);
        var regions = world.Regions.ToDictionary(r => r.Id);

        Assert.NotEmpty(world.Settlements);
        foreach (var s in world.Settlements)
        {
            var region = world.Regions[world.RegionMap![s.Location.X, s.Location.Y] - 1];
            Assert.Equal(region.Id, s.RegionId);
            Assert.Equal(regions[s.RegionId!].FactionId, s.FactionId);
            Assert.NotNull(s.FactionId);
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EachFaction_HasExactlyOneCapital_InsideItsTerritory(string seed, WorldPreset preset, int density, int factions)
    {
        var world = SettlingFixture.Settled(seed, 160, preset, density, factions);

        Assert.InRange(world.Factions.Count, 1, factions);
        Assert.Equal(Enumerable.Range(1, world.Factions.Count).Select(i => $"faction-{i}"), world.Factions.Select(f => f.Id));
        foreach (var faction in world.Factions)
        {
            var capitals = world.Settlements.Where(s => s.IsCapital && s.FactionId == faction.Id).ToList();
            var capital = Assert.Single(capitals);
            Assert.Equal(faction.CapitalId, capital.Id);
            Assert.Equal(capital.Culture, faction.Culture);
            Assert.Equal(faction.Id, world.Regions.Single(r => r.Id == capital.RegionId).FactionId);
        }

        Assert.Equal(world.Factions.Count, world.Settlements.Count(s => s.IsCapital));
        Assert.Equal(world.Factions.Count, world.Factions.Select(f => f.Color).Distinct().Count());
        Assert.Equal(world.Factions.Count, world.Factions.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(world.Regions, r => Assert.Contains(world.Factions, f => f.Id == r.FactionId));
    }

    [Fact]
    public void FactionCount_IsTheParameter_WhenThereAreEnoughSettlements()
    {
        var world = SettlingFixture.Settled("42", 256, WorldPreset.Continent, 50, 5);

        Assert.True(world.Settlements.Count >= 10);
        Assert.Equal(5, world.Factions.Count);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Relations_AreSymmetricAndComplete_WithMatchingStances(string seed, WorldPreset preset, int density, int factions)
    {
        var world = SettlingFixture.Settled(seed, 160, preset, density, factions);

        foreach (var faction in world.Factions)
        {
            Assert.Equal(world.Factions.Where(f => f.Id != faction.Id).Select(f => f.Id), faction.Relations.Select(r => r.FactionId));
            foreach (var relation in faction.Relations)
            {
                Assert.InRange(relation.Standing, -100, 100);
                Assert.Equal(RegionStage.StanceOf(relation.Standing), relation.Stance);
                var back = world.Factions.Single(f => f.Id == relation.FactionId).Relations.Single(r => r.FactionId == faction.Id);
                Assert.Equal(relation.Standing, back.Standing);
            }
        }
    }

    [Theory]
    [InlineData(-100, "war")]
    [InlineData(-60, "war")]
    [InlineData(-59, "rival")]
    [InlineData(-20, "rival")]
    [InlineData(-19, "neutral")]
    [InlineData(19, "neutral")]
    [InlineData(20, "friendly")]
    [InlineData(59, "friendly")]
    [InlineData(60, "allied")]
    [InlineData(100, "allied")]
    public void StanceOf_FollowsTheThresholds(int standing, string stance) =>
        Assert.Equal(stance, RegionStage.StanceOf(standing));

    [Fact]
    public void Seats_AreTownsAndCities_OrALandmassesLargestSettlement()
    {
        var world = SettlingFixture.Settled("dragon coast", 192, WorldPreset.Archipelago, 50, 4);
        var land = TestLand.Of(world);
        var settlements = world.Settlements.ToDictionary(s => s.Id);

        Assert.All(world.Settlements.Where(s => s.Size >= SettlementSize.Town), s => Assert.Contains(world.Regions, r => r.SeatId == s.Id));
        foreach (var region in world.Regions.Where(r => r.SeatId.Length > 0))
        {
            var seat = settlements[region.SeatId];
            Assert.Equal(region.Id, seat.RegionId);
            if (seat.Size < SettlementSize.Town)
            {
                var mates = world.Settlements.Where(s => land.LabelOf(s.Location) == land.LabelOf(seat.Location)).ToList();
                Assert.DoesNotContain(mates, s => s.Size >= SettlementSize.Town);
                Assert.Equal(mates.Max(s => s.Population), seat.Population);
            }
        }
    }

    [Fact]
    public void UnsettledLandmasses_BecomeWildRegions_HeldByTheNearestFaction()
    {
        var world = SettlingFixture.Settled("dragon coast", 192, WorldPreset.Archipelago, 0, 2);
        var land = TestLand.Of(world);
        var settled = world.Settlements.Select(s => land.LabelOf(s.Location)).ToHashSet();

        var wild = world.Regions.Where(r => r.SeatId.Length == 0).ToList();
        Assert.NotEmpty(wild);
        Assert.Equal(land.Count - settled.Count, wild.Count);
        Assert.All(wild, r => Assert.NotNull(r.FactionId));
        Assert.All(wild, r => Assert.False(string.IsNullOrWhiteSpace(r.Name)));
    }

    [Fact]
    public void Region_Biome_IsItsMostCommonLandBiome()
    {
        var world = SettlingFixture.Settled("42", 160);
        var map = world.RegionMap!;

        foreach (var region in world.Regions)
        {
            var index = int.Parse(region.Id["region-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var counts = new int[32];
            for (var i = 0; i < map.Cells.Length; i++)
            {
                if (map.Cells[i] == index)
                {
                    counts[world.Biomes!.Cells[i]]++;
                }
            }

            Assert.Equal(counts.Max(), counts[(int)region.Biome]);
        }
    }

    [Fact]
    public void Borders_PreferRivers()
    {
        // Region growth pays extra to cross a river, so river cells sit on borders more often than land cells do.
        var world = SettlingFixture.Settled("42", 256, WorldPreset.Continent, 100);
        var map = world.RegionMap!;
        var land = TestLand.Of(world);
        bool OnBorder(GridPoint p)
        {
            var r = map[p.X, p.Y];
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    int x = p.X + dx, y = p.Y + dy;
                    if (x >= 0 && y >= 0 && x < map.Width && y < map.Height && map[x, y] != 0 && map[x, y] != r)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var riverCells = world.Hydrology!.Rivers.SelectMany(r => r.Path).Where(land.IsDry).Distinct().ToList();
        var allCells = Enumerable.Range(0, map.Cells.Length).Where(i => land.Dry[i]).Select(i => new GridPoint(i % map.Width, i / map.Width)).ToList();
        var riverShare = riverCells.Count(OnBorder) * 1000 / riverCells.Count;
        var landShare = allCells.Count(OnBorder) * 1000 / allCells.Count;
        Assert.True(riverShare > 2 * landShare, $"river {riverShare}‰, land {landShare}‰");
    }

    [Fact]
    public void NoSettlements_StillCoverTheLand_WithNoFactions()
    {
        var world = SettlingFixture.Build("42", 96);
        world.Settlements = [];

        new RegionStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, RegionStage.StreamName));

        Assert.Empty(world.Factions);
        Assert.NotEmpty(world.Regions);
        Assert.All(world.Regions, r => Assert.True(r is { SeatId: "", FactionId: "" }));
        Assert.Equal(TestLand.Of(world).Dry.Count(d => d), world.Regions.Sum(r => r.Cells));
    }

    [Fact]
    public void NoLand_NoRegions()
    {
        var world = SettlingFixture.Run(SettlingFixture.Build("42", 64, seaLevel: 100), new SettlementStage(), new RoadStage(), new RegionStage());

        Assert.Empty(world.Regions);
        Assert.Empty(world.Factions);
        Assert.All(world.RegionMap!.Cells.ToArray(), c => Assert.Equal(0, c));
    }

    [Fact]
    public void SameSeed_SameRegionsAndFactions_OtherSeed_Different()
    {
        var first = SettlingFixture.Settled("repeat", 128);
        var second = SettlingFixture.Settled("repeat", 128);
        var other = SettlingFixture.Settled("other", 128);

        Assert.Equal(first.RegionMap!.Cells.ToArray(), second.RegionMap!.Cells.ToArray());
        Assert.Equal(first.Regions, second.Regions);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.Settlements, second.Settlements);
        Assert.NotEqual(Describe(first), Describe(other));
    }

    private static string Describe(ForgeWorld world) => string.Join(";", world.Factions.Select(f =>
        $"{f.Id}:{f.Name}:{f.Culture}:{f.CapitalId}:{f.Color}:{string.Join(",", f.Relations.Select(r => $"{r.FactionId}={r.Standing}/{r.Stance}"))}"));
}
