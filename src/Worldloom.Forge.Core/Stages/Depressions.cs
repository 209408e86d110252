using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The filled depressions of a <see cref="PriorityFlood"/>: 8-connected sets of land cells under one water level
/// (<see cref="PriorityFlood.Level"/> above the ground), numbered from 1 in row-major order of their first cell. Each
/// has one outlet, the cell the flood first entered it from (a land cell on its rim at the spill level), and all its
/// cells drain straight there, so a depression passes its whole inflow on at one point. The no-sea terminal cell is a
/// depression of its own with no outlet.
/// </summary>
internal sealed class Depressions
{
    private readonly int[] _members;
    private readonly int[] _start;

    private Depressions(int[] component, int[] members, int[] start, int[] outlet, int[] surface)
    {
        Component = component;
        _members = members;
        _start = start;
        Outlet = outlet;
        Surface = surface;
    }

    /// <summary>Per cell, the 1-based depression it lies in, or 0.</summary>
    public int[] Component { get; }

    /// <summary>Per depression (0-based), the cell its water leaves by; −1 for the terminal cell.</summary>
    public int[] Outlet { get; }

    /// <summary>Per depression (0-based), its water level.</summary>
    public int[] Surface { get; }

    /// <summary>How many depressions there are.</summary>
    public int Count => Outlet.Length;

    /// <summary>The cells of depression <paramref name="index"/> (0-based).</summary>
    public ReadOnlySpan<int> Members(int index) => _members.AsSpan(_start[index], _start[index + 1] - _start[index]);

    public static Depressions Find(ushort[] cells, int width, int height, int seaLevel, PriorityFlood flood)
    {
        var level = flood.Level;
        var n = cells.Length;
        var rank = new int[n];
        for (var k = 0; k < flood.Order.Length; k++)
        {
            rank[flood.Order[k]] = k;
        }

        var component = new int[n];
        var members = new List<int>();
        var start = new List<int>();
        var outlet = new List<int>();
        var surface = new List<int>();
        var stack = new List<int>();
        for (var first = 0; first < n; first++)
        {
            if (component[first] != 0 || !IsUnderWater(first))
            {
                continue;
            }

            var id = outlet.Count + 1;
            var water = level[first];
            start.Add(members.Count);
            component[first] = id;
            stack.Add(first);
            var earliest = first;
            while (stack.Count > 0)
            {
                var c = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                members.Add(c);
                if (rank[c] < rank[earliest])
                {
                    earliest = c;
                }

                int cx = c % width, cy = c / width;
                for (var k = 0; k < 8; k++)
                {
                    int nx = cx + PriorityFlood.DeltaX[k], ny = cy + PriorityFlood.DeltaY[k];
                    var j = (ny * width) + nx;
                    if ((uint)nx < (uint)width && (uint)ny < (uint)height && component[j] == 0 && IsUnderWater(j) && level[j] == water)
                    {
                        component[j] = id;
                        stack.Add(j);
                    }
                }
            }

            // The earliest cell of the depression out of the queue was reached from outside it: that is the outlet.
            outlet.Add(flood.Parent[earliest]);
            surface.Add(water);
        }

        start.Add(members.Count);
        return new Depressions(component, [.. members], [.. start], [.. outlet], [.. surface]);

        bool IsUnderWater(int i) => cells[i] > seaLevel && (level[i] > cells[i] || i == flood.Terminal);
    }

    /// <summary>
    /// The depressions that are lakes, in order, filling <paramref name="lakeIndex"/> (1-based lake per cell). A
    /// depression is a lake when it has at least <paramref name="minCells"/> cells and is at least
    /// <paramref name="minDepth"/> deep, or when any of its cells collects <paramref name="riverRunoff"/> (a river
    /// flows into it, and a river must never cross a pit it cannot climb out of), or when it is the terminal cell.
    /// </summary>
    public List<(int Depression, int Cells, int Surface, GridPoint Centre)> SelectLakes(
        ushort[] cells, int width, int[] runoff, int minCells, int minDepth, long riverRunoff, int[] lakeIndex)
    {
        var lakes = new List<(int, int, int, GridPoint)>();
        for (var d = 0; d < Count; d++)
        {
            var span = Members(d);
            int lowest = ushort.MaxValue, wettest = 0;
            long sumX = 0, sumY = 0;
            foreach (var c in span)
            {
                lowest = Math.Min(lowest, cells[c]);
                wettest = Math.Max(wettest, runoff[c]);
                sumX += c % width;
                sumY += c / width;
            }

            var isLake = Outlet[d] < 0 || (span.Length >= minCells && Surface[d] - lowest >= minDepth) || wettest >= riverRunoff;
            if (!isLake)
            {
                continue;
            }

            foreach (var c in span)
            {
                lakeIndex[c] = lakes.Count + 1;
            }

            lakes.Add((d, span.Length, Surface[d], Centre(span, width, sumX, sumY)));
        }

        return lakes;
    }

    // The member nearest the centroid rounded to a cell (squared distance; ties: lowest index).
    private static GridPoint Centre(ReadOnlySpan<int> span, int width, long sumX, long sumY)
    {
        long count = span.Length;
        long centreX = ((2 * sumX) + count) / (2 * count), centreY = ((2 * sumY) + count) / (2 * count);
        var best = -1;
        var bestDistance = long.MaxValue;
        foreach (var c in span)
        {
            long dx = (c % width) - centreX, dy = (c / width) - centreY;
            var distance = (dx * dx) + (dy * dy);
            if (distance < bestDistance || (distance == bestDistance && c < best))
            {
                best = c;
                bestDistance = distance;
            }
        }

        return new GridPoint(best % width, best / width);
    }
}
