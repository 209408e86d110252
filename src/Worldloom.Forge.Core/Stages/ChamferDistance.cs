namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Distance from every cell to the nearest target cell by the 3-4 chamfer transform: two raster passes (forward
/// row-major, then backward) over 8-neighbours, orthogonal steps costing 3 and diagonal 4, so distances are in thirds
/// of a cell and within about 8 % of Euclidean. Linear in cells, integers only, and the result is fixed by the input.
/// </summary>
internal static class ChamferDistance
{
    /// <summary>Cost of one orthogonal step; divide a distance by this for cells.</summary>
    public const int Orthogonal = 3;

    private const int Diagonal = 4;

    // Far enough for any map (4096 cells · 4) and far from overflow when step costs are added.
    private const int Unreached = int.MaxValue / 2;

    /// <summary>Distances to the nearest cell where <paramref name="isTarget"/> is true; all <c>int.MaxValue / 2</c> when there is none.</summary>
    public static int[] Compute(int width, int height, Func<int, bool> isTarget)
    {
        var distance = new int[width * height];
        for (var i = 0; i < distance.Length; i++)
        {
            distance[i] = isTarget(i) ? 0 : Unreached;
        }

        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                var d = distance[i];
                if (d == 0)
                {
                    continue;
                }

                if (x > 0)
                {
                    d = Math.Min(d, distance[i - 1] + Orthogonal);
                }

                if (y > 0)
                {
                    d = Math.Min(d, distance[i - width] + Orthogonal);
                    if (x > 0)
                    {
                        d = Math.Min(d, distance[i - width - 1] + Diagonal);
                    }

                    if (x < width - 1)
                    {
                        d = Math.Min(d, distance[i - width + 1] + Diagonal);
                    }
                }

                distance[i] = d;
            }
        }

        for (var y = height - 1; y >= 0; y--)
        {
            var row = y * width;
            for (var x = width - 1; x >= 0; x--)
            {
                var i = row + x;
                var d = distance[i];
                if (d == 0)
                {
                    continue;
                }

                if (x < width - 1)
                {
                    d = Math.Min(d, distance[i + 1] + Orthogonal);
                }

                if (y < height - 1)
                {
                    d = Math.Min(d, distance[i + width] + Orthogonal);
                    if (x < width - 1)
                    {
                        d = Math.Min(d, distance[i + width + 1] + Diagonal);
                    }

                    if (x > 0)
                    {
                        d = Math.Min(d, distance[i + width - 1] + Diagonal);
                    }
                }

                distance[i] = d;
            }
        }

        return distance;
    }
}
