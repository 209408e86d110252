using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages;

public sealed class HydrologyStageTests
{
    private const int Sea = StageWorlds.SeaLevel;

    private static ForgeWorld World(string seed, WorldPreset preset = WorldPreset.Continent, int size = 128, int seaLevel = 50) =>
        StageWorlds.Through(HydrologyStage.StreamName, seed, size, preset, seaLevel);

    // Hydrology of a hand-made heightmap, with the climate and biomes the stages derive from it.
    private static Hydrology Synthetic(Heightmap map, string seed = "synthetic")
    {
        var climate = ClimateStage.Generate(map, new WorldParameters(), ChaChaRng.ForStage("i:1"u8, ClimateStage.StreamName));
        var biomes = BiomeStage.Classify(map, climate);
        return HydrologyStage.Generate(map, climate, biomes, ChaChaRng.ForStage(System.Text.Encoding.UTF8.GetBytes(seed), HydrologyStage.StreamName));
    }

    public static TheoryData<WorldPreset, string, int> Worlds()
    {
        var data = new TheoryData<WorldPreset, string, int>();
        foreach (var preset in Enum.GetValues<WorldPreset>())
        {
            foreach (var seed in new[] { "1", "42", "river run", "-9001", "delta" })
            {
                data.Add(preset, seed, 50);
            }
        }

        data.Add(WorldPreset.Continent, "low sea", 25);
        data.Add(WorldPreset.Highlands, "high sea", 70);
        data.Add(WorldPreset.Highlands, "dry land", 5);
        return data;
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Rivers_RunDownhill_AndEndInTheSeaALakeOrAnotherRiver(WorldPreset preset, string seed, int seaLevel)
    {
        var world = World(seed, preset, seaLevel: seaLevel);

        AssertRiversAreValid(world.Heightmap!, world.Hydrology!);
        AssertLakesAreValid(world.Heightmap!, world.Hydrology!);
    }

    [Fact]
    public void Rivers_AreValid_OnALargerRectangularWorld()
    {
        var world = StageWorlds.Through(HydrologyStage.StreamName, "wide", new WorldParameters { Width = 384, Height = 192 });

        Assert.NotEmpty(world.Hydrology!.Rivers);
        AssertRiversAreValid(world.Heightmap!, world.Hydrology!);
        AssertLakesAreValid(world.Heightmap!, world.Hydrology!);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("7")]
    [InlineData("dragon coast")]
    public void Continent_HasAHandfulOfRivers_ReachingTheSea(string seed)
    {
        var hydrology = World(seed, size: 256).Hydrology!;

        Assert.InRange(hydrology.Rivers.Count, 5, 40);
        Assert.Contains(hydrology.Rivers, r => r.Mouth == RiverMouth.Sea);
    }

    [Fact]
    public void AllSea_HasNoRiversLakesOrFlow()
    {
        var hydrology = World("drowned", size: 64, seaLevel: 100).Hydrology!;

        Assert.Empty(hydrology.Rivers);
        Assert.Empty(hydrology.Lakes);
        Assert.All(hydrology.Flow.ToArray(), f => Assert.Equal(0, f));
    }

    [Fact]
    public void Flow_OnATiltedPlane_RunsStraightToTheSea_AndSumsToTheLand()
    {
        // Column 0 is sea; the land rises eastwards, so every row drains west on its own.
        var hydrology = Synthetic(StageWorlds.Synthetic(64, 64, (x, _) => x == 0 ? Sea - 1000 : Sea + (x * 300)));

        for (var y = 0; y < 64; y++)
        {
            Assert.Equal(63, hydrology.Flow[(y * 64) + 1]);
            Assert.Equal(1, hydrology.Flow[(y * 64) + 63]);
        }
    }

    [Fact]
    public void Flow_WithoutSea_AllEndsInOneTerminalLake_AndIsConserved()
    {
        // A real, pitted terrain lifted clear of the sea: everything must drain to the lowest cell.
        var source = World("no sea", WorldPreset.Highlands, size: 96).Heightmap!;
        var cells = source.Cells.ToArray().Select(c => (ushort)Math.Max((int)c, 1)).ToArray();
        var map = new Heightmap(96, 96, 0, cells);

        var hydrology = Synthetic(map);

        var lowest = Array.IndexOf(cells, cells.Min());
        Assert.Equal(96 * 96, hydrology.Flow[lowest]);
        Assert.NotEqual(0, hydrology.LakeCells[lowest]);
        Assert.All(hydrology.Rivers, r => Assert.NotEqual(RiverMouth.Sea, r.Mouth));
        AssertRiversAreValid(map, hydrology);
        AssertLakesAreValid(map, hydrology);
    }

    [Fact]
    public void Bowl_BecomesALake_FilledToItsSpillLevel()
    {
        // A cone falling from the middle to a sea border, with a bowl sunk into its top.
        static int Elevation(int x, int y)
        {
            var r = (int)Math.Sqrt(((x - 32) * (x - 32)) + ((y - 32) * (y - 32)));
            return x < 2 || y < 2 || x > 61 || y > 61 ? Sea - 2000
                : r < 8 ? Sea + 8000 - (600 * (8 - r))
                : Sea + 8000 - (60 * r);
        }

        var map = StageWorlds.Synthetic(64, 64, Elevation);
        var hydrology = Synthetic(map);

        var lake = Assert.Single(hydrology.Lakes);
        Assert.Equal(1, hydrology.LakeCells[(32 * 64) + 32]);
        // Water spills over the lowest rim: the ring of r = 8 has diagonal gaps an 8-connected spill slips through, so
        // the rim is that ring or the next one out.
        Assert.InRange(lake.Surface, Sea + 8000 - (60 * 9), Sea + 8000 - (60 * 8));
        for (var y = 24; y < 40; y++)
        {
            for (var x = 24; x < 40; x++)
            {
                Assert.Equal(((x - 32) * (x - 32)) + ((y - 32) * (y - 32)) < 64, hydrology.IsLake(x, y));
            }
        }

        Assert.Equal("lake-1", lake.Id);
        Assert.StartsWith("Lake ", lake.Name, StringComparison.Ordinal);
        Assert.InRange(lake.Centre.X, 30, 34);
        Assert.InRange(lake.Centre.Y, 30, 34);
        AssertLakesAreValid(map, hydrology);
    }

    [Theory]
    [InlineData(WorldPreset.Continent, "outflow")]
    [InlineData(WorldPreset.Highlands, "outflow")]
    [InlineData(WorldPreset.Highlands, "42")]
    [InlineData(WorldPreset.FrozenNorth, "7")]
    public void Lakes_ThatRiversFlowInto_HaveARiverFlowingOnFromTheirRim(WorldPreset preset, string seed)
    {
        var world = World(seed, preset, size: 256);
        var hydrology = world.Hydrology!;
        var fed = hydrology.Rivers.Where(r => r.Mouth == RiverMouth.Lake).Select(r => r.LakeId).Distinct().ToList();
        Assert.NotEmpty(fed);

        foreach (var lakeId in fed)
        {
            var index = hydrology.Lakes.ToList().FindIndex(l => l.Id == lakeId) + 1;
            var surface = hydrology.Lakes[index - 1].Surface;
            // Some river leaves from a rim cell: next to the lake, at the lake's surface, not itself ending in this lake.
            Assert.Contains(hydrology.Rivers, r => r.LakeId != lakeId && r.Path.Take(r.Path.Count - 1).Any(p =>
                world.Heightmap![p.X, p.Y] == surface && Neighbours(p, hydrology.Width, hydrology.Height).Any(q => hydrology.LakeCells[(q.Y * hydrology.Width) + q.X] == index)));
        }
    }

    [Fact]
    public void Generate_SameSeed_SameHydrology_DifferentSeed_Different()
    {
        var a = World("same", size: 192).Hydrology!;
        var b = World("same", size: 192).Hydrology!;
        var c = World("other", size: 192).Hydrology!;

        Assert.Equal(a.Flow.ToArray(), b.Flow.ToArray());
        Assert.Equal(a.LakeCells.ToArray(), b.LakeCells.ToArray());
        Assert.Equal(a.Lakes, b.Lakes);
        Assert.Equal(a.Rivers.Count, b.Rivers.Count);
        for (var i = 0; i < a.Rivers.Count; i++)
        {
            Assert.Equal(a.Rivers[i] with { Path = [] }, b.Rivers[i] with { Path = [] });
            Assert.Equal(a.Rivers[i].Path, b.Rivers[i].Path);
        }

        Assert.NotEqual(a.Flow.ToArray(), c.Flow.ToArray());
    }

    [Fact]
    public void Generate_MismatchedSizes_Throws()
    {
        var map = StageWorlds.Synthetic(64, 64, (_, _) => Sea + 1);
        var climate = new ClimateMap(64, 64, new sbyte[64 * 64], new byte[64 * 64]);
        var biomes = new BiomeMap(32, 64, new byte[32 * 64]);

        Assert.Throws<ArgumentException>(() => HydrologyStage.Generate(map, climate, biomes, ChaChaRng.ForStage("x"u8, "hydrology")));
    }

    [Fact]
    public void Run_BeforeTheBiomes_Throws()
    {
        var world = StageWorlds.Through(ClimateStage.StreamName, "early", 64);

        var error = Assert.Throws<InvalidOperationException>(() => new HydrologyStage().Run(world, ChaChaRng.ForStage("x"u8, "hydrology")));

        Assert.Contains("biomes", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<GridPoint> Neighbours(GridPoint p, int width, int height)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if ((dx != 0 || dy != 0) && p.X + dx >= 0 && p.Y + dy >= 0 && p.X + dx < width && p.Y + dy < height)
                {
                    yield return new GridPoint(p.X + dx, p.Y + dy);
                }
            }
        }
    }

    private static void AssertRiversAreValid(Heightmap map, Hydrology hydrology)
    {
        int LakeAt(GridPoint p) => hydrology.LakeCells[(p.Y * hydrology.Width) + p.X];
        var owner = new Dictionary<GridPoint, string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < hydrology.Rivers.Count; r++)
        {
            var river = hydrology.Rivers[r];
            Assert.Equal($"river-{r + 1}", river.Id);
            Assert.EndsWith(" River", river.Name, StringComparison.Ordinal);
            Assert.True(names.Add(river.Name), $"{river.Name} is used twice");
            Assert.True(river.Path.Count >= 2, $"{river.Id} has {river.Path.Count} cells");
            Assert.Equal(river.Path.Count, river.Path.Distinct().Count());
            for (var k = 1; k < river.Path.Count; k++)
            {
                GridPoint a = river.Path[k - 1], b = river.Path[k];
                Assert.Equal(1, Math.Max(Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y)));
                Assert.True(map[b.X, b.Y] <= map[a.X, a.Y], $"{river.Id} rises from {a} ({map[a.X, a.Y]}) to {b} ({map[b.X, b.Y]})");
            }

            // Every cell but the last is the river's own: dry land, no lake, no other river's, with growing flow.
            for (var k = 0; k < river.Path.Count - 1; k++)
            {
                var p = river.Path[k];
                Assert.True(map.IsLand(p.X, p.Y), $"{river.Id} crosses the sea at {p}");
                Assert.Equal(0, LakeAt(p));
                Assert.True(owner.TryAdd(p, river.Id), $"{p} belongs to {river.Id} and {owner.GetValueOrDefault(p)}");
                Assert.True(k == 0 || hydrology.Flow[(p.Y * hydrology.Width) + p.X] >= hydrology.Flow[(river.Path[k - 1].Y * hydrology.Width) + river.Path[k - 1].X]);
            }

            var own = river.Path[^2];
            Assert.Equal(hydrology.Flow[(own.Y * hydrology.Width) + own.X], river.Flow);
        }

        foreach (var river in hydrology.Rivers)
        {
            var end = river.Path[^1];
            switch (river.Mouth)
            {
                case RiverMouth.Sea:
                    Assert.False(map.IsLand(end.X, end.Y), $"{river.Id} ends on land at {end}");
                    Assert.Null(river.LakeId);
                    break;
                case RiverMouth.Lake:
                    Assert.True(LakeAt(end) > 0, $"{river.Id} ends at {end}, not in a lake");
                    Assert.Equal(hydrology.Lakes[LakeAt(end) - 1].Id, river.LakeId);
                    break;
                default:
                    Assert.True(owner.TryGetValue(end, out var other) && other != river.Id, $"{river.Id} ends at {end}, on no other river");
                    Assert.Null(river.LakeId);
                    break;
            }
        }

        foreach (var lake in hydrology.Lakes)
        {
            Assert.True(names.Add(lake.Name), $"{lake.Name} is used twice");
        }
    }

    private static void AssertLakesAreValid(Heightmap map, Hydrology hydrology)
    {
        int width = hydrology.Width, height = hydrology.Height;
        for (var index = 1; index <= hydrology.Lakes.Count; index++)
        {
            var lake = hydrology.Lakes[index - 1];
            Assert.Equal($"lake-{index}", lake.Id);
            Assert.StartsWith("Lake ", lake.Name, StringComparison.Ordinal);
            var cells = Enumerable.Range(0, width * height).Where(i => hydrology.LakeCells[i] == index).ToList();
            Assert.Equal(lake.Cells, cells.Count);
            Assert.All(cells, i => Assert.True(map.Cells[i] <= lake.Surface && map.Cells[i] > map.SeaLevel));
            Assert.Equal(index, hydrology.LakeCells[(lake.Centre.Y * width) + lake.Centre.X]);

            // 8-connected: a flood fill from the first cell reaches them all.
            var members = cells.ToHashSet();
            var reached = new HashSet<int> { cells[0] };
            var stack = new Stack<int>(reached);
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                foreach (var q in Neighbours(new GridPoint(c % width, c / width), width, height))
                {
                    var j = (q.Y * width) + q.X;
                    if (members.Contains(j) && reached.Add(j))
                    {
                        stack.Push(j);
                    }
                }
            }

            Assert.Equal(cells.Count, reached.Count);
        }
    }
}
