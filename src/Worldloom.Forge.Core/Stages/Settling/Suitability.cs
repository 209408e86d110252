using System.Numerics;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// How good each dry land cell is to live on, as an integer score (higher is better; −1 off dry land), with the
/// water facts the settlement stage also records. Every term is a table lookup or a distance read from a field
/// computed once for the whole map, so the cost is linear in cells.
/// </summary>
internal sealed class Suitability
{
    /// <summary>Distances beyond this many cells count as "far" in the water fields.</summary>
    public const byte FieldCap = 8;

    // Biome desirability, indexed by biome byte: open farmland best, forests and savanna good, the extremes poor.
    private static readonly int[] BiomeScore =
    [
        0, 0, 0, // ocean, shallow sea, sea ice
        14, // beach
        0, // snow
        4, // tundra
        12, // taiga
        30, // grassland
        18, // shrubland
        24, // temperate forest
        16, // temperate rainforest
        2, // desert
        24, // savanna
        18, // tropical forest
        10, // tropical rainforest
        4, // wetland
        0, // alpine
    ];

    // Score for fresh water at Chebyshev distance 0, 1, 2, ... cells (a river or lake shore).
    private static readonly int[] FreshScore = [30, 30, 22, 14, 8, 4, 0, 0, 0];

    // Score for the sea at distance 0 (never: a site is land), 1, 2, 3 cells.
    private static readonly int[] CoastScore = [0, 18, 10, 5, 0, 0, 0, 0, 0];

    private Suitability(int[] scores, byte[] freshDistance, byte[] seaDistance)
    {
        Scores = scores;
        FreshDistance = freshDistance;
        SeaDistance = seaDistance;
    }

    /// <summary>Score per cell, −1 off dry land.</summary>
    public int[] Scores { get; }

    /// <summary>Chebyshev distance to the nearest river or lake cell, capped at <see cref="FieldCap"/>.</summary>
    public byte[] FreshDistance { get; }

    /// <summary>Chebyshev distance to the nearest sea cell, capped at <see cref="FieldCap"/>.</summary>
    public byte[] SeaDistance { get; }

    /// <summary>
    /// Scores every cell of <paramref name="world"/>: biome (0–30) + temperature (0 in 6–24 °C, minus a point per
    /// degree outside, down to −30) + fresh water by distance (30 at a river or lake, fading to 0 at 6 cells) + river
    /// size (log2 of the largest river flow within 2 cells, minus 3, 0–8) + coast (18 next to the sea, 10 at two
    /// cells, 5 at three) + flatness (20 minus half the grade, at least 0) − height (half a point per percent of the
    /// land elevation range above 35 %).
    /// </summary>
    public static Suitability Of(ForgeWorld world, LandGrid land)
    {
        var heightmap = world.Heightmap!;
        var climate = world.Climate!;
        var biomes = world.Biomes!;
        int width = land.Width, height = land.Height;
        var kinds = land.Kinds;
        var riverFlow = Relief.RiverFlow(world.Hydrology!, land);
        var fresh = new byte[kinds.Length];
        var sea = new byte[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            fresh[i] = riverFlow[i] != 0 || kinds[i] == LandGrid.Lake ? (byte)0 : FieldCap;
            sea[i] = kinds[i] == LandGrid.Sea ? (byte)0 : FieldCap;
        }

        DistanceField.Chebyshev(fresh, width, height, FieldCap);
        DistanceField.Chebyshev(sea, width, height, FieldCap);
        var grades = Relief.Grades(heightmap);
        var seaLevel = heightmap.SeaLevel;
        var range = Math.Max(1, ushort.MaxValue - seaLevel);

        var scores = new int[width * height];
        Parallel.For(0, height, y =>
        {
            var elevation = heightmap.Cells;
            var biomeCells = biomes.Cells;
            var temperature = climate.Temperature;
            for (int i = y * width, end = i + width; i < end; i++)
            {
                if (kinds[i] != LandGrid.Land)
                {
                    scores[i] = -1;
                    continue;
                }

                var biome = biomeCells[i];
                var score = biome < BiomeScore.Length ? BiomeScore[biome] : 0;
                int t = temperature[i];
                score -= Math.Min(30, t < 6 ? 6 - t : t > 24 ? t - 24 : 0);
                score += FreshScore[fresh[i]];
                if (fresh[i] <= 2)
                {
                    score += RiverSize(riverFlow, i % width, y, width, height);
                }

                score += CoastScore[sea[i]];
                score += Math.Max(0, 20 - (grades[i] / 2));
                var relative = (int)((elevation[i] - seaLevel) * 100L / range);
                score -= Math.Max(0, relative - 35) / 2;
                scores[i] = score;
            }
        });

        return new Suitability(scores, fresh, sea);
    }

    // log2 of the largest river flow within 2 cells, minus 3, clamped to 0–8. Only cells by the water ask, so the
    // 5×5 window costs nothing on the rest of the map.
    private static int RiverSize(int[] riverFlow, int x, int y, int width, int height)
    {
        var largest = 0;
        for (int ny = Math.Max(0, y - 2), yEnd = Math.Min(height - 1, y + 2); ny <= yEnd; ny++)
        {
            for (int nx = Math.Max(0, x - 2), xEnd = Math.Min(width - 1, x + 2); nx <= xEnd; nx++)
            {
                largest = Math.Max(largest, riverFlow[(ny * width) + nx]);
            }
        }

        return largest == 0 ? 0 : Math.Clamp(BitOperations.Log2((uint)largest) - 3, 0, 8);
    }
}
