using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages;

public sealed class BiomeStageTests
{
    private const int Sea = StageWorlds.SeaLevel;

    private static ForgeWorld World(string seed, WorldPreset preset = WorldPreset.Continent, int size = 128) =>
        StageWorlds.Through(BiomeStage.StreamName, seed, size, preset);

    // Share of the land (in percent) covered by the given biomes.
    private static double LandShare(BiomeMap biomes, params Biome[] which)
    {
        var histogram = biomes.Histogram();
        var land = Enumerable.Range(0, histogram.Length).Where(b => !BiomeNames.IsWater((Biome)b)).Sum(b => histogram[b]);
        return 100.0 * which.Sum(b => histogram[(int)b]) / land;
    }

    public static TheoryData<WorldPreset, string> PresetSeeds()
    {
        var data = new TheoryData<WorldPreset, string>();
        foreach (var preset in Enum.GetValues<WorldPreset>())
        {
            data.Add(preset, "42");
            data.Add(preset, "biome check");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PresetSeeds))]
    public void Presets_HaveTheirCharacteristicBiomes(WorldPreset preset, string seed)
    {
        var world = World(seed, preset);
        var biomes = world.Biomes!;
        var histogram = biomes.Histogram();
        var land = world.Heightmap!.CountLand();
        var summary = string.Join(", ", Enumerable.Range(0, histogram.Length).Where(b => histogram[b] > 0).Select(b => $"{BiomeNames.All[b]} {histogram[b]}"));

        switch (preset)
        {
            case WorldPreset.Continent:
                // Varied: many biomes, none dominant, cold in the north and warm in the south.
                Assert.True(Enumerable.Range(0, histogram.Length).Count(b => !BiomeNames.IsWater((Biome)b) && histogram[b] * 100 >= land) >= 6, summary);
                Assert.True(Enumerable.Range(0, histogram.Length).All(b => BiomeNames.IsWater((Biome)b) || histogram[b] * 2 < land), summary);
                Assert.InRange(LandShare(biomes, Biome.Tundra, Biome.Taiga, Biome.Snow), 5, 70);
                Assert.True(LandShare(biomes, Biome.Grassland, Biome.TemperateForest, Biome.TemperateRainforest, Biome.Shrubland) > 20, summary);
                break;
            case WorldPreset.Archipelago:
                Assert.True(land * 100 / (128 * 128) < 35, summary);
                Assert.True(LandShare(biomes, Biome.Beach) > 15, summary);
                Assert.True(LandShare(biomes, Biome.TemperateForest, Biome.TemperateRainforest, Biome.TropicalForest, Biome.TropicalRainforest) > 40, summary);
                break;
            case WorldPreset.Highlands:
                Assert.True(LandShare(biomes, Biome.Alpine) > 5, summary);
                Assert.True(LandShare(biomes, Biome.Alpine, Biome.Snow, Biome.Taiga, Biome.TemperateForest, Biome.TemperateRainforest) > 35, summary);
                break;
            case WorldPreset.Desert:
                Assert.True(LandShare(biomes, Biome.Desert, Biome.Shrubland, Biome.Savanna) > 60, summary);
                break;
            case WorldPreset.FrozenNorth:
                Assert.True(LandShare(biomes, Biome.Snow, Biome.Tundra, Biome.Taiga) > 85, summary);
                Assert.True(LandShare(biomes, Biome.Snow) > 20, summary);
                break;
        }
    }

    [Fact]
    public void WaterBiomes_AreExactlyTheSeaCells()
    {
        var world = World("shore");

        for (var y = 0; y < 128; y++)
        {
            for (var x = 0; x < 128; x++)
            {
                Assert.Equal(!world.Heightmap!.IsLand(x, y), BiomeNames.IsWater(world.Biomes![x, y]));
            }
        }
    }

    [Fact]
    public void Generate_SameSeed_SameBiomes_DifferentSeed_Different()
    {
        Assert.Equal(World("b").Biomes!.Cells.ToArray(), World("b").Biomes!.Cells.ToArray());
        Assert.NotEqual(World("b").Biomes!.Cells.ToArray(), World("c").Biomes!.Cells.ToArray());
    }

    // A 64×64 test card: deep sea in columns 0–15, land from column 16. Land rows 20–39 stand 5000 above the sea (too
    // high for beach and wetland) and each row gets one temperature and moisture, so the Whittaker table reads off
    // directly; rows 50–53 are peaks; rows 56–63 are a low, flat shore.
    private static readonly (int Celsius, int Moisture, Biome Expected)[] TableRows =
    [
        (-30, 50, Biome.Snow), (-10, 80, Biome.Tundra), (0, 10, Biome.Tundra), (0, 50, Biome.Taiga),
        (10, 5, Biome.Desert), (10, 25, Biome.Shrubland), (10, 40, Biome.Grassland), (10, 60, Biome.TemperateForest),
        (10, 90, Biome.TemperateRainforest), (25, 10, Biome.Desert), (25, 30, Biome.Shrubland), (25, 45, Biome.Savanna),
        (25, 70, Biome.TropicalForest), (25, 95, Biome.TropicalRainforest),
    ];

    [Fact]
    public void Classify_FollowsTheDocumentedRules()
    {
        const int W = 64;
        var map = StageWorlds.Synthetic(W, W, (x, y) => x < 16 ? 5000
            : y is >= 50 and < 54 ? Sea + BiomeStage.AlpineUnits + 2000
            : y >= 56 ? Sea + 500
            : Sea + 5000);
        var temperature = new sbyte[W * W];
        var moisture = new byte[W * W];
        for (var i = 0; i < W * W; i++)
        {
            int y = i / W, x = i % W;
            (temperature[i], moisture[i]) = y switch
            {
                >= 20 and < 20 + 14 => ((sbyte)TableRows[y - 20].Celsius, (byte)TableRows[y - 20].Moisture),
                0 => ((sbyte)-20, (byte)100),
                50 or 51 => ((sbyte)-12, (byte)50),
                56 or 57 => ((sbyte)-5, (byte)50),
                60 or 61 when x >= 24 => ((sbyte)15, (byte)95),
                _ => ((sbyte)20, (byte)50),
            };
        }

        var biomes = BiomeStage.Classify(map, new ClimateMap(W, W, temperature, moisture));

        Assert.Equal(Biome.SeaIce, biomes[2, 0]);
        Assert.Equal(Biome.Ocean, biomes[2, 10]);
        Assert.Equal(Biome.ShallowSea, biomes[15, 10]);
        for (var k = 0; k < TableRows.Length; k++)
        {
            Assert.Equal(TableRows[k].Expected, biomes[40, 20 + k]);
        }

        Assert.Equal(Biome.Snow, biomes[40, 50]);
        Assert.Equal(Biome.Alpine, biomes[40, 52]);
        Assert.Equal(Biome.Beach, biomes[16, 58]);
        Assert.NotEqual(Biome.Beach, biomes[16, 56]);
        Assert.Equal(Biome.Wetland, biomes[40, 60]);
        Assert.Equal(Biome.Savanna, biomes[40, 58]);
    }

    [Fact]
    public void Classify_ShallowSea_ByDepthFarFromLand()
    {
        var map = StageWorlds.Synthetic(64, 64, (x, _) => x < 32 ? 5000 : Sea - (BiomeStage.ShallowDepthUnits / 2));
        var climate = new ClimateMap(64, 64, Enumerable.Repeat((sbyte)15, 64 * 64).ToArray(), Enumerable.Repeat((byte)100, 64 * 64).ToArray());

        var biomes = BiomeStage.Classify(map, climate);

        Assert.Equal(Biome.Ocean, biomes[10, 10]);
        Assert.Equal(Biome.ShallowSea, biomes[50, 10]);
    }

    [Fact]
    public void Classify_MismatchedSizes_Throws()
    {
        var map = StageWorlds.Synthetic(64, 64, (_, _) => Sea + 1);
        var climate = new ClimateMap(64, 65, new sbyte[64 * 65], new byte[64 * 65]);

        Assert.Throws<ArgumentException>(() => BiomeStage.Classify(map, climate));
    }

    [Fact]
    public void Run_BeforeTheClimate_Throws()
    {
        var world = StageWorlds.Through(HeightmapStage.StreamName, "early", 64);

        var error = Assert.Throws<InvalidOperationException>(() => new BiomeStage().Run(world, ChaChaRng.ForStage("x"u8, "biomes")));

        Assert.Contains("climate", error.Message, StringComparison.Ordinal);
    }
}
