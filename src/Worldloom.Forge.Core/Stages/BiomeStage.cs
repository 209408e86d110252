using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The biome of every cell from elevation and climate. Sea is sea ice when very cold, shallow sea near land or over
/// shallow water, ocean otherwise. Land is checked in a fixed order: ice cap, peaks (alpine or snow), beach, wetland,
/// and otherwise the Whittaker-style <see cref="BiomeTable"/>. Draws no random numbers (the classification is a pure
/// function of the layers before it); its stream is reserved so a later version may. Linear in cells.
/// </summary>
public sealed class BiomeStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "biomes";

    /// <summary>Sea at or below this temperature (°C) is frozen over.</summary>
    public const int SeaIceCelsius = -12;

    /// <summary>Sea shallower than this many elevation units below sea level is shallow sea wherever it lies.</summary>
    public const int ShallowDepthUnits = 1500;

    /// <summary>Land this many elevation units above sea level or more is above the tree line: alpine, or snow when cold.</summary>
    public const int AlpineUnits = 11000;

    /// <summary>Above the tree line, land at or below this temperature (°C) is snow rather than bare rock.</summary>
    public const int PeakSnowCelsius = -8;

    /// <summary>Shore land lower than this many units above sea level is beach (when at least <see cref="BeachMinCelsius"/>).</summary>
    public const int BeachUnits = 1200;

    /// <summary>Beaches need at least this temperature (°C): cold shores are tundra or taiga.</summary>
    public const int BeachMinCelsius = 3;

    /// <summary>Land wetter than this (0–100), low and flat, is wetland.</summary>
    public const int WetlandMoisture = 78;

    /// <summary>Wetland stands lower than this many units above sea level.</summary>
    public const int WetlandUnits = 4000;

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        world.Biomes = Classify(
            ForgeWorld.Require(world.Heightmap, HeightmapStage.StreamName),
            ForgeWorld.Require(world.Climate, ClimateStage.StreamName));
    }

    /// <summary>The biomes of <paramref name="heightmap"/> under <paramref name="climate"/>, which must be the same size.</summary>
    public static BiomeMap Classify(Heightmap heightmap, ClimateMap climate)
    {
        ArgumentNullException.ThrowIfNull(heightmap);
        ArgumentNullException.ThrowIfNull(climate);
        if (climate.Width != heightmap.Width || climate.Height != heightmap.Height)
        {
            throw new ArgumentException("The climate must be the size of the heightmap.", nameof(climate));
        }

        int width = heightmap.Width, height = heightmap.Height;
        var maxDim = Math.Max(width, height);
        var cells = heightmap.Cells.ToArray();
        var temperature = climate.Temperature.ToArray();
        var moisture = climate.Moisture.ToArray();
        int sea = heightmap.SeaLevel;
        var toLand = ChamferDistance.Compute(width, height, i => cells[i] > sea);
        var toSea = ChamferDistance.Compute(width, height, i => cells[i] <= sea);

        // Widths in chamfer units (thirds of a cell; a diagonal step is 4), scaled so one world looks the same at
        // every resolution: shallow sea reaches about 1/100 of the map, beaches 1/256 (at least one cell).
        var shallowReach = ChamferDistance.Orthogonal * Math.Max(2, maxDim / 100);
        var beachReach = 4 * Math.Max(1, maxDim / 256);
        // Flat: no 4-neighbour differs by more than a third of the heightmap's erosion talus (3·65535 / side).
        var flatness = Math.Max(1, ushort.MaxValue / maxDim);

        var biomes = new byte[width * height];
        // Cells are independent reads of the layers, so computing rows in parallel changes no byte.
        Parallel.For(0, height, y =>
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                var elevation = cells[i];
                int t = temperature[i];
                Biome biome;
                if (elevation <= sea)
                {
                    biome = t <= SeaIceCelsius ? Biome.SeaIce
                        : toLand[i] <= shallowReach || sea - elevation < ShallowDepthUnits ? Biome.ShallowSea
                        : Biome.Ocean;
                }
                else
                {
                    var above = elevation - sea;
                    int m = moisture[i];
                    biome = above >= AlpineUnits ? (t <= PeakSnowCelsius ? Biome.Snow : Biome.Alpine)
                        : toSea[i] <= beachReach && above < BeachUnits && t >= BeachMinCelsius ? Biome.Beach
                        : m > WetlandMoisture && above < WetlandUnits && t > 0 && IsFlat(cells, width, height, x, y, flatness) ? Biome.Wetland
                        : BiomeTable.Lookup(t, m);
                }

                biomes[i] = (byte)biome;
            }
        });

        return new BiomeMap(width, height, biomes);
    }

    private static bool IsFlat(ushort[] cells, int width, int height, int x, int y, int flatness)
    {
        var i = (y * width) + x;
        int here = cells[i];
        return (x == 0 || Math.Abs(cells[i - 1] - here) <= flatness)
            && (x == width - 1 || Math.Abs(cells[i + 1] - here) <= flatness)
            && (y == 0 || Math.Abs(cells[i - width] - here) <= flatness)
            && (y == height - 1 || Math.Abs(cells[i + width] - here) <= flatness);
    }
}
