using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The Whittaker-style table for ordinary land: temperature band × moisture band → biome, looked up from a
/// precomputed grid over every (°C, moisture) pair. docs/forge.md prints the same table.
/// </summary>
internal static class BiomeTable
{
    private const int TemperatureSpan = ClimateStage.MaxTemperature - ClimateStage.MinTemperature + 1;
    private static readonly Biome[] Grid = Build();

    public static Biome Lookup(int celsius, int moisture) =>
        Grid[((celsius - ClimateStage.MinTemperature) * 101) + moisture];

    private static Biome[] Build()
    {
        var grid = new Biome[TemperatureSpan * 101];
        for (var t = ClimateStage.MinTemperature; t <= ClimateStage.MaxTemperature; t++)
        {
            for (var m = 0; m <= 100; m++)
            {
                grid[((t - ClimateStage.MinTemperature) * 101) + m] = Classify(t, m);
            }
        }

        return grid;
    }

    private static Biome Classify(int celsius, int moisture) => celsius switch
    {
        < -15 => Biome.Snow,
        < -3 => Biome.Tundra,
        < 3 => moisture < 20 ? Biome.Tundra : Biome.Taiga,
        < 19 => moisture switch
        {
            < 16 => Biome.Desert,
            < 32 => Biome.Shrubland,
            < 48 => Biome.Grassland,
            < 78 => Biome.TemperateForest,
            _ => Biome.TemperateRainforest,
        },
        _ => moisture switch
        {
            < 24 => Biome.Desert,
            < 34 => Biome.Shrubland,
            < 56 => Biome.Savanna,
            < 80 => Biome.TropicalForest,
            _ => Biome.TropicalRainforest,
        },
    };
}
