using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>Local steepness of the terrain, in units that do not depend on the map's resolution.</summary>
internal static class Relief
{
    /// <summary>
    /// Per cell, the steepest elevation step to a 4-neighbour times the longer map side over 4096. A map of the same
    /// world at twice the resolution has half the step per cell, so the product reads the same; the erosion talus
    /// (3·65535 per map side) comes out near 48. Rows are independent, so they run in parallel.
    /// </summary>
    public static int[] Grades(Heightmap heightmap)
    {
        int width = heightmap.Width, height = heightmap.Height;
        var scale = Math.Max(width, height);
        var grades = new int[width * height];
        Parallel.For(0, height, y =>
        {
            var cells = heightmap.Cells;
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                int h = cells[row + x], steepest = 0;
                if (x > 0)
                {
                    steepest = Math.Max(steepest, Math.Abs(h - cells[row + x - 1]));
                }

                if (x + 1 < width)
                {
                    steepest = Math.Max(steepest, Math.Abs(h - cells[row + x + 1]));
                }

                if (y > 0)
                {
                    steepest = Math.Max(steepest, Math.Abs(h - cells[row - width + x]));
                }

                if (y + 1 < height)
                {
                    steepest = Math.Max(steepest, Math.Abs(h - cells[row + width + x]));
                }

                grades[row + x] = (int)((long)steepest * scale / 4096);
            }
        });
        return grades;
    }

    /// <summary>Per cell, the flow of the river on it (at least 1), or 0 where no river runs; dry land only.</summary>
    public static int[] RiverFlow(Hydrology hydrology, LandGrid land)
    {
        var flow = new int[land.Width * land.Height];
        var cellFlow = hydrology.Flow;
        foreach (var river in hydrology.Rivers)
        {
            foreach (var point in river.Path)
            {
                if ((uint)point.X >= (uint)land.Width || (uint)point.Y >= (uint)land.Height)
                {
                    continue;
                }

                var cell = (point.Y * land.Width) + point.X;
                if (land.Kinds[cell] == LandGrid.Land)
                {
                    flow[cell] = Math.Max(flow[cell], Math.Max(1, cellFlow[cell]));
                }
            }
        }

        return flow;
    }
}
