namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>Distances to the nearest marked cell, in linear time.</summary>
internal static class DistanceField
{
    /// <summary>
    /// Turns <paramref name="distance"/>, which holds 0 on source cells and <paramref name="cap"/> elsewhere, into the
    /// Chebyshev (8-neighbour step) distance to the nearest source, capped at <paramref name="cap"/>. Two chamfer
    /// sweeps (forward over the west, north-west, north and north-east neighbours, then backward over the mirrored
    /// four) give the exact distance for unit weights: O(cells) whatever the radius, where a window scan would be
    /// O(cells · r²).
    /// </summary>
    public static void Chebyshev(byte[] distance, int width, int height, byte cap)
    {
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                int best = distance[i];
                if (best == 0)
                {
                    continue;
                }

                if (x > 0)
                {
                    best = Math.Min(best, distance[i - 1] + 1);
                }

                if (y > 0)
                {
                    best = Math.Min(best, distance[i - width] + 1);
                    if (x > 0)
                    {
                        best = Math.Min(best, distance[i - width - 1] + 1);
                    }

                    if (x + 1 < width)
                    {
                        best = Math.Min(best, distance[i - width + 1] + 1);
                    }
                }

                distance[i] = (byte)Math.Min(best, cap);
            }
        }

        for (var y = height - 1; y >= 0; y--)
        {
            for (var x = width - 1; x >= 0; x--)
            {
                var i = (y * width) + x;
                int best = distance[i];
                if (best == 0)
                {
                    continue;
                }

                if (x + 1 < width)
                {
                    best = Math.Min(best, distance[i + 1] + 1);
                }

                if (y + 1 < height)
                {
                    best = Math.Min(best, distance[i + width] + 1);
                    if (x + 1 < width)
                    {
                        best = Math.Min(best, distance[i + width + 1] + 1);
                    }

                    if (x > 0)
                    {
                        best = Math.Min(best, distance[i + width - 1] + 1);
                    }
                }

                distance[i] = (byte)Math.Min(best, cap);
            }
        }
    }
}
