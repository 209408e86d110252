using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Terrain;

/// <summary>
/// How much of each <see cref="BiomeGroups">biome group</see> covers each sample of a grid laid over the world corner to
/// corner (as <see cref="ExportSource.Heights"/> is): the four cells around a sample weigh in bilinearly, so borders fade
/// over one cell instead of stepping. A sample's weights always sum to exactly 255.
/// </summary>
internal static class BiomeWeights
{
    /// <summary>One plane of <paramref name="width"/> × <paramref name="height"/> weights per group, row-major, north row first.</summary>
    public static byte[][] Sample(BiomeMap biomes, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(biomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        var planes = new byte[BiomeGroups.Count][];
        for (var g = 0; g < planes.Length; g++)
        {
            planes[g] = new byte[width * height];
        }

        var groups = GroupPerCell(biomes);
        var columns = new (int X0, int X1, int Fx)[width];
        for (var x = 0; x < width; x++)
        {
            columns[x] = Position(x, width, biomes.Width);
        }

        Span<int> weight = stackalloc int[BiomeGroups.Count];
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, fy) = Position(y, height, biomes.Height);
            var north = y0 * biomes.Width;
            var south = y1 * biomes.Width;
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, fx) = columns[x];
                int a = groups[north + x0], b = groups[north + x1], c = groups[south + x0], d = groups[south + x1];
                var at = (y * width) + x;
                if (a == b && a == c && a == d)
                {
                    planes[a][at] = 255;
                    continue;
                }

                // Bilinear weights in 1/65536ths; they sum to 65536.
                weight.Clear();
                weight[a] += (256 - fx) * (256 - fy);
                weight[b] += fx * (256 - fy);
                weight[c] += (256 - fx) * fy;
                weight[d] += fx * fy;
                Spread(weight, planes, at);
            }
        }

        return planes;
    }

    // Scales the weights to 0..255 rounding down, then gives what rounding lost to the heaviest group (the first of equals).
    private static void Spread(Span<int> weight, byte[][] planes, int at)
    {
        var total = 0;
        var heaviest = 0;
        for (var g = 0; g < weight.Length; g++)
        {
            var share = (weight[g] * 255) >> 16;
            planes[g][at] = (byte)share;
            total += share;
            if (weight[g] > weight[heaviest])
            {
                heaviest = g;
            }
        }

        planes[heaviest][at] += (byte)(255 - total);
    }

    private static byte[] GroupPerCell(BiomeMap biomes)
    {
        var cells = biomes.Cells;
        var groups = new byte[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            groups[i] = (byte)BiomeGroups.Of((Biome)cells[i]);
        }

        return groups;
    }

    // The cells either side of sample i of n laid over cells 0..size-1, and how far along (0..256) it lies.
    private static (int Low, int High, int Fraction) Position(int i, int n, int size)
    {
        var at = (long)i * (size - 1) * 256 / (n - 1);
        var low = (int)(at >> 8);
        return (low, Math.Min(low + 1, size - 1), (int)(at & 0xFF));
    }
}
