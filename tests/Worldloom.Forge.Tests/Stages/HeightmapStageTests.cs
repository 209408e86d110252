using System.Security.Cryptography;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages;

public sealed class HeightmapStageTests
{
    private static Heightmap Generate(string seed, int size, WorldPreset preset = WorldPreset.Continent, int seaLevel = 50) =>
        HeightmapStage.Generate(ForgeSeed.Parse(seed), new WorldParameters { Width = size, Height = size, Preset = preset, SeaLevel = seaLevel });

    private static string Hash(Heightmap map) => Convert.ToHexStringLower(SHA256.HashData(map.ToBytes()));

    // Golden SHA-256 of Heightmap.ToBytes() (u16 little-endian, row-major) for default parameters (continent, sea
    // level 50, roughness 50) at two sizes. They pin the whole heightmap path: seed bytes, the "heightmap" stream,
    // the permutation shuffle, the trig table, fixed-point rounding, preset shaping and erosion order. A change
    // here changes every world ever generated: bump the generator version rather than re-pin silently.
    [Theory]
    [InlineData("42", 64, "1a55e1b2da2679b690292dcbbaf1d05c7a9e7f6ab222badb3e08f902648fde1a")]
    [InlineData("42", 256, "42896989abdfceae98319fe0b73b6c116990c2aa0e9d90b9773baf01a2c8176e")]
    [InlineData("dragon coast", 64, "dfbd1371080da44846607f3cf69c673f3a1dbebbd3d10456d32a49d223aad804")]
    [InlineData("dragon coast", 256, "5baf17b568a343015a90e25d46f4e5b164eb10eedba8d70b36ff895a9442f86b")]
    [InlineData("-7301", 64, "837a2036f39c02094c5b3d17db33847263ebc2e1f29352746c42cd0a956fbfed")]
    [InlineData("-7301", 256, "b9418864a494ac9a1d070c245464c6ba3aed5678095b72966f24810f782c94c8")]
    public void Generate_MatchesGoldenHash(string seed, int size, string expected) =>
        Assert.Equal(expected, Hash(Generate(seed, size)));

    [Fact]
    public void Generate_SameInput_SameBytes_AlsoInParallel()
    {
        var reference = Generate("parallel", 128).ToBytes();
        var results = new byte[8][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Generate("parallel", 128).ToBytes());

        Assert.All(results, bytes => Assert.Equal(reference, bytes));
    }

    [Fact]
    public void Generate_DifferentSeeds_Differ() =>
        Assert.NotEqual(Hash(Generate("1", 64)), Hash(Generate("2", 64)));

    [Fact]
    public void LandFraction_FallsAsSeaLevelRises()
    {
        var land = new[] { 10, 30, 45, 50, 55, 70, 90 }.Select(level => Generate("coast", 128, seaLevel: level).CountLand()).ToArray();

        for (var i = 1; i < land.Length; i++)
        {
            Assert.True(land[i] < land[i - 1], $"land {string.Join(", ", land)}");
        }
    }

    [Fact]
    public void SeaLevel_ChangesOnlyTheThreshold_NotTheElevations()
    {
        Assert.Equal(Generate("coast", 64, seaLevel: 20).ToBytes(), Generate("coast", 64, seaLevel: 80).ToBytes());
        Assert.Equal(HeightmapStage.SeaElevation(80), Generate("coast", 64, seaLevel: 80).SeaLevel);
    }

    [Fact]
    public void Presets_GiveDifferentTerrain()
    {
        var hashes = Enum.GetValues<WorldPreset>().Select(p => Hash(Generate("preset", 128, p))).ToArray();

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Continent_HasLandInTheMiddle_AndSeaAtTheEdges()
    {
        var map = Generate("42", 256);

        Assert.InRange(map.CountLand() * 100 / (256 * 256), 15, 70);
        var edgeLand = Enumerable.Range(0, 256).Count(i => map.IsLand(i, 0) || map.IsLand(i, 255) || map.IsLand(0, i) || map.IsLand(255, i));
        Assert.True(edgeLand < 256 / 8, $"{edgeLand} edge positions have land");
    }

    [Fact]
    public void Highlands_StandHigherThanContinent()
    {
        static long Mean(Heightmap m)
        {
            long sum = 0;
            foreach (var c in m.Cells)
            {
                sum += c;
            }

            return sum / m.Cells.Length;
        }

        Assert.True(Mean(Generate("relief", 128, WorldPreset.Highlands)) > Mean(Generate("relief", 128, WorldPreset.Continent)));
    }

    [Fact]
    public void Archipelago_HasMoreSeparateLandmassesThanContinent()
    {
        Assert.True(Landmasses(Generate("isles", 256, WorldPreset.Archipelago)) > Landmasses(Generate("isles", 256, WorldPreset.Continent)));
    }

    [Fact]
    public void Erosion_LeavesNoSlopeFarAboveTalus()
    {
        // After erosion, the steepest 4-neighbour drop is bounded; raw shaped noise at 64² has drops of several thousand.
        var map = Generate("slopes", 64);
        var steepest = 0;
        for (var y = 0; y < 64; y++)
        {
            for (var x = 1; x < 64; x++)
            {
                steepest = Math.Max(steepest, Math.Abs(map[x, y] - map[x - 1, y]));
            }
        }

        Assert.InRange(steepest, 1, 4 * 3 * ushort.MaxValue / 64);
    }

    [Fact]
    public void Generate_RectangularMap_HasRequestedShape()
    {
        var map = HeightmapStage.Generate(ForgeSeed.FromInt64(5), new WorldParameters { Width = 200, Height = 64 });

        Assert.Equal(200, map.Width);
        Assert.Equal(64, map.Height);
        Assert.Equal(200 * 64, map.Cells.Length);
    }

    [Fact]
    public void Generate_512_Completes()
    {
        var map = Generate("sanity", 512);

        Assert.Equal(512 * 512, map.Cells.Length);
        Assert.InRange(map.CountLand(), 1, (512 * 512) - 1);
    }

    [Fact]
    public void Generate_InvalidParameters_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => HeightmapStage.Generate(ForgeSeed.FromInt64(1), new WorldParameters { Width = 5000 }));

        Assert.Contains("width", error.Message, StringComparison.Ordinal);
    }

    // Counts 4-connected land components with an explicit stack (flood fill), for the archipelago property.
    private static int Landmasses(Heightmap map)
    {
        var seen = new bool[map.Width * map.Height];
        var stack = new Stack<int>();
        var count = 0;
        for (var start = 0; start < seen.Length; start++)
        {
            if (seen[start] || !map.IsLand(start % map.Width, start / map.Width))
            {
                continue;
            }

            count++;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % map.Width, y = i / map.Width;
                foreach (var (nx, ny) in new[] { (x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1) })
                {
                    var j = (ny * map.Width) + nx;
                    if (nx >= 0 && ny >= 0 && nx < map.Width && ny < map.Height && !seen[j] && map.IsLand(nx, ny))
                    {
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }
        }

        return count;
    }
}
