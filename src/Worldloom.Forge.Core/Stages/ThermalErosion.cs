namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Thermal erosion in integers: where a cell stands more than the talus above its lowest 4-neighbour, a quarter of
/// the excess slides down to that neighbour. Cells are visited in row-major order and updated in place (Gauss–Seidel),
/// ties between neighbours go to the first of north, west, east, south, so the result is fixed by the input alone.
/// Material is conserved and no cell leaves the range of its neighbourhood, so elevations stay within 0..65535.
/// </summary>
internal static class ThermalErosion
{
    public static void Apply(int[] cells, int width, int height, int talus, int iterations)
    {
        for (var pass = 0; pass < iterations; pass++)
        {
            for (var y = 0; y < height; y++)
            {
                var row = y * width;
                for (var x = 0; x < width; x++)
                {
                    var i = row + x;
                    var here = cells[i];
                    var lowest = here;
                    var target = -1;
                    Consider(cells, y > 0 ? i - width : -1, ref lowest, ref target);
                    Consider(cells, x > 0 ? i - 1 : -1, ref lowest, ref target);
                    Consider(cells, x < width - 1 ? i + 1 : -1, ref lowest, ref target);
                    Consider(cells, y < height - 1 ? i + width : -1, ref lowest, ref target);
                    var drop = here - lowest;
                    if (target >= 0 && drop > talus)
                    {
                        // A quarter, not half, of the excess: gentler per pass, and the neighbour never ends higher.
                        var moved = (drop - talus) / 4;
                        cells[i] = here - moved;
                        cells[target] += moved;
                    }
                }
            }
        }
    }

    private static void Consider(int[] cells, int neighbour, ref int lowest, ref int target)
    {
        if (neighbour >= 0 && cells[neighbour] < lowest)
        {
            lowest = cells[neighbour];
            target = neighbour;
        }
    }
}
