using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages;

public sealed class ClimateStageTests
{
    private const int Sea = StageWorlds.SeaLevel;

    private static ForgeWorld World(string seed, WorldPreset preset = WorldPreset.Continent, int temperatureBias = 0, int moistureBias = 0) =>
        StageWorlds.Through(ClimateStage.StreamName, seed, new WorldParameters
        {
            Width = 128, Height = 128, Preset = preset, TemperatureBias = temperatureBias, MoistureBias = moistureBias,
        });

    private static ClimateMap Synthetic(Heightmap map, WorldParameters? parameters = null) =>
        ClimateStage.Generate(map, parameters ?? new WorldParameters(), ChaChaRng.ForStage("i:1"u8, ClimateStage.StreamName));

    private static bool IsLand(ForgeWorld world, int i) => world.Heightmap!.Cells[i] > world.Heightmap.SeaLevel;

    [Fact]
    public void Generate_SameSeed_SameClimate()
    {
        var a = World("weather").Climate!;
        var b = World("weather").Climate!;

        Assert.Equal(a.Temperature.ToArray(), b.Temperature.ToArray());
        Assert.Equal(a.Moisture.ToArray(), b.Moisture.ToArray());
    }

    [Fact]
    public void Generate_DifferentSeeds_Differ()
    {
        Assert.NotEqual(World("1").Climate!.Temperature.ToArray(), World("2").Climate!.Temperature.ToArray());
        Assert.NotEqual(World("1").Climate!.Moisture.ToArray(), World("2").Climate!.Moisture.ToArray());
    }

    [Fact]
    public void Temperature_IsColderInTheNorth()
    {
        var world = World("latitude");
        var climate = world.Climate!;

        // Sea cells have no height to cool them: only latitude and noise.
        var north = StageWorlds.Mean(climate.Temperature, i => i < 128 * 32 && !IsLand(world, i));
        var south = StageWorlds.Mean(climate.Temperature, i => i >= 128 * 96 && !IsLand(world, i));

        Assert.True(south - north > 20, $"north {north:F1} °C, south {south:F1} °C");
    }

    [Fact]
    public void Temperature_FallsWithHeight_AtTheLapseRate()
    {
        var low = Synthetic(StageWorlds.Synthetic(64, 64, (_, _) => Sea + 1000));
        var high = Synthetic(StageWorlds.Synthetic(64, 64, (_, _) => Sea + 1000 + (20 * ClimateStage.LapseUnitsPerDegree)));

        var drop = StageWorlds.Mean(low.Temperature, _ => true) - StageWorlds.Mean(high.Temperature, _ => true);

        Assert.InRange(drop, 19.5, 20.5);
    }

    [Theory]
    [InlineData(100, 20)]
    [InlineData(-100, -20)]
    [InlineData(50, 10)]
    public void TemperatureBias_ShiftsTemperature(int bias, int expected)
    {
        var map = StageWorlds.Synthetic(64, 64, (_, _) => Sea + 1000);
        var neutral = Synthetic(map);
        var shifted = Synthetic(map, new WorldParameters { TemperatureBias = bias });

        var shift = StageWorlds.Mean(shifted.Temperature, _ => true) - StageWorlds.Mean(neutral.Temperature, _ => true);

        Assert.InRange(shift, expected - 0.5, expected + 0.5);
    }

    [Fact]
    public void Temperature_IsClampedToTheDocumentedRange()
    {
        // A frozen north with the coldest bias under a peak at the top of the range would be about −76 °C unclamped.
        var map = StageWorlds.Synthetic(64, 64, (_, y) => y < 8 ? ushort.MaxValue : Sea + 1000);
        var frozen = Synthetic(map, new WorldParameters { Preset = WorldPreset.FrozenNorth, TemperatureBias = -100 });
        var scorched = Synthetic(StageWorlds.Synthetic(64, 64, (_, _) => Sea - 100), new WorldParameters { Preset = WorldPreset.Desert, TemperatureBias = 100 });

        Assert.Equal(ClimateStage.MinTemperature, frozen.Temperature.ToArray().Min());
        Assert.All(scorched.Temperature.ToArray(), t => Assert.InRange(t, ClimateStage.MinTemperature, ClimateStage.MaxTemperature));
        Assert.True(scorched.Temperature.ToArray().Max() > 50);
    }

    [Fact]
    public void Presets_OrderByWarmth()
    {
        double LandMean(WorldPreset preset)
        {
            var world = World("warmth", preset);
            return StageWorlds.Mean(world.Climate!.Temperature, i => IsLand(world, i));
        }

        var frozen = LandMean(WorldPreset.FrozenNorth);
        var continent = LandMean(WorldPreset.Continent);
        var desert = LandMean(WorldPreset.Desert);

        Assert.True(frozen + 10 < continent && continent + 10 < desert, $"frozen {frozen:F1}, continent {continent:F1}, desert {desert:F1}");
    }

    [Fact]
    public void Archipelago_IsMilderThanContinent_InTheNorth()
    {
        var archipelago = World("mild", WorldPreset.Archipelago);
        var continent = World("mild", WorldPreset.Continent);

        Assert.True(
            StageWorlds.Mean(archipelago.Climate!.Temperature, i => i < 128 * 16 && !IsLand(archipelago, i))
            > StageWorlds.Mean(continent.Climate!.Temperature, i => i < 128 * 16 && !IsLand(continent, i)) + 5);
    }

    [Fact]
    public void Sea_IsSaturated()
    {
        var world = World("sea");

        for (var i = 0; i < 128 * 128; i++)
        {
            if (!IsLand(world, i))
            {
                Assert.Equal(100, world.Climate!.Moisture[i]);
            }
        }
    }

    [Fact]
    public void Moisture_FallsInland()
    {
        // Sea along the west edge, then 112 columns of flat land.
        var climate = Synthetic(StageWorlds.Synthetic(128, 64, (x, _) => x < 16 ? Sea - 3000 : Sea + 1000));

        var coast = StageWorlds.Mean(climate.Moisture, i => i % 128 is >= 16 and < 24);
        var inland = StageWorlds.Mean(climate.Moisture, i => i % 128 >= 112);

        Assert.True(coast - inland > 30, $"coast {coast:F1}, inland {inland:F1}");
    }

    [Fact]
    public void Ridge_IsWetOnTheWindwardSide_AndCastsARainShadow()
    {
        // Sea on both edges so coast nearness is symmetric about the middle; a north-south ridge down the middle.
        static int Plain(int x) => x < 16 || x >= 112 ? Sea - 3000 : Sea + 1000;
        static int Ridge(int x) => Plain(x) + (Math.Abs(x - 64) < 8 ? (8 - Math.Abs(x - 64)) * 2500 : 0);
        var flat = Synthetic(StageWorlds.Synthetic(128, 64, (x, _) => Plain(x)));
        var ridged = Synthetic(StageWorlds.Synthetic(128, 64, (x, _) => Ridge(x)));

        double Contrast(ClimateMap climate) =>
            StageWorlds.Mean(climate.Moisture, i => i % 128 is >= 50 and < 58) - StageWorlds.Mean(climate.Moisture, i => i % 128 is >= 70 and < 78);

        Assert.True(Contrast(ridged) > Contrast(flat) + 10, $"flat contrast {Contrast(flat):F1}, ridged {Contrast(ridged):F1}");
        Assert.True(
            StageWorlds.Mean(ridged.Moisture, i => i % 128 is >= 70 and < 78) < StageWorlds.Mean(flat.Moisture, i => i % 128 is >= 70 and < 78) - 10,
            "the lee of the ridge is drier than the same place without it");
    }

    [Fact]
    public void MoistureBias_ShiftsMoisture()
    {
        var dry = World("bias", moistureBias: -100);
        var wet = World("bias", moistureBias: 100);

        var difference = StageWorlds.Mean(wet.Climate!.Moisture, i => IsLand(wet, i)) - StageWorlds.Mean(dry.Climate!.Moisture, i => IsLand(dry, i));

        Assert.True(difference > 50, $"difference {difference:F1}");
    }

    [Fact]
    public void Desert_IsDrierThanContinent()
    {
        var desert = World("dunes", WorldPreset.Desert);
        var continent = World("dunes", WorldPreset.Continent);

        Assert.True(
            StageWorlds.Mean(desert.Climate!.Moisture, i => IsLand(desert, i)) + 20
            < StageWorlds.Mean(continent.Climate!.Moisture, i => IsLand(continent, i)));
    }

    [Theory]
    [InlineData(101, 0, "temperatureBias")]
    [InlineData(0, -101, "moistureBias")]
    public void Generate_OutOfRangeBias_ThrowsNamingTheField(int temperatureBias, int moistureBias, string field)
    {
        var map = StageWorlds.Synthetic(64, 64, (_, _) => Sea + 1);

        var error = Assert.Throws<ArgumentException>(() => Synthetic(map, new WorldParameters { TemperatureBias = temperatureBias, MoistureBias = moistureBias }));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BeforeTheHeightmap_Throws()
    {
        var world = new ForgeWorld(ForgeSeed.FromInt64(1), new WorldParameters());

        var error = Assert.Throws<InvalidOperationException>(() => new ClimateStage().Run(world, ChaChaRng.ForStage("x"u8, "climate")));

        Assert.Contains("heightmap", error.Message, StringComparison.Ordinal);
    }
}
