using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>Per region (1-based index): cell count, biome histogram and centroid, from one pass over the map.</summary>
internal sealed class RegionStats
{
    private readonly int[] _biomes;
    private readonly long[] _sumX;
    private readonly long[] _sumY;

    private RegionStats(int[] cells, int[] biomes, long[] sumX, long[] sumY)
    {
        Cells = cells;
        _biomes = biomes;
        _sumX = sumX;
        _sumY = sumY;
    }

    /// <summary>Cells per region; entry 0 is unused.</summary>
    public int[] Cells { get; }

    public static RegionStats Of(ReadOnlySpan<int> regionCells, BiomeMap biomes, int width, int regionCount)
    {
        var kinds = BiomeNames.All.Count;
        var cells = new int[regionCount + 1];
        var histogram = new int[(regionCount + 1) * kinds];
        var sumX = new long[regionCount + 1];
        var sumY = new long[regionCount + 1];
        var biomeCells = biomes.Cells;
        for (var i = 0; i < regionCells.Length; i++)
        {
            var r = regionCells[i];
            if (r == 0)
            {
                continue;
            }

            cells[r]++;
            var biome = biomeCells[i];
            if (biome < kinds)
            {
                histogram[(r * kinds) + biome]++;
            }

            sumX[r] += i % width;
            sumY[r] += i / width;
        }

        return new RegionStats(cells, histogram, sumX, sumY);
    }

    /// <summary>The most common land biome of region <paramref name="r"/> (ties: lower biome byte; grassland if none).</summary>
    public Biome Biome(int r)
    {
        var kinds = BiomeNames.All.Count;
        Biome best = World.Biome.Grassland;
        var bestCount = 0;
        for (var b = 0; b < kinds; b++)
        {
            var count = _biomes[(r * kinds) + b];
            if (count > bestCount && !BiomeNames.IsWater((Biome)b))
            {
                best = (Biome)b;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>The mean cell of region <paramref name="r"/>, rounded down.</summary>
    public GridPoint Centroid(int r) => Cells[r] == 0 ? default : new GridPoint((int)(_sumX[r] / Cells[r]), (int)(_sumY[r] / Cells[r]));
}
