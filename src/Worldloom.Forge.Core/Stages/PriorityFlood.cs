namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Priority-flood depression filling (Barnes, Lehman and Mulla 2014). The flood starts from every land cell touching
/// the sea and always grows from the lowest open cell (ties: lowest cell index, see <see cref="CellHeap"/>); a cell
/// reached from a higher water level is under water, so <see cref="Level"/> ends as the level water stands at in every
/// cell once all depressions are filled to their spill points. Each land cell remembers the cell it was reached from
/// (<see cref="Parent"/>), a tree that drains every cell to the sea without ever rising in water level, and the land
/// cells in the order they left the queue (<see cref="Order"/>): water levels never fall along it, so walking it
/// backwards visits every cell before the cell it drains to. O(n log n), with the heap only as big as the flood front.
/// </summary>
internal sealed class PriorityFlood
{
    /// <summary>8-neighbour steps in the fixed order every scan uses: N, W, E, S, then NW, NE, SW, SE.</summary>
    public static readonly int[] DeltaX = [0, -1, 1, 0, -1, 1, -1, 1];

    /// <inheritdoc cref="DeltaX"/>
    public static readonly int[] DeltaY = [-1, 0, 0, 1, -1, -1, 1, 1];

    private PriorityFlood(int[] level, int[] parent, int[] order, int terminal)
    {
        Level = level;
        Parent = parent;
        Order = order;
        Terminal = terminal;
    }

    /// <summary>Water level per cell: the sea level at sea, the spill level in a depression, the ground elsewhere.</summary>
    public int[] Level { get; }

    /// <summary>Per land cell, the cell the flood reached it from (a sea cell for the first ring); −1 at sea and at <see cref="Terminal"/>.</summary>
    public int[] Parent { get; }

    /// <summary>Land cells in the order they left the queue (water level never falling).</summary>
    public int[] Order { get; }

    /// <summary>
    /// When the map has no sea: the lowest land cell (lowest index among equals), where the flood starts and all water
    /// ends; −1 when there is sea.
    /// </summary>
    public int Terminal { get; }

    public static PriorityFlood Run(ushort[] cells, int width, int height, int seaLevel)
    {
        var n = cells.Length;
        var level = new int[n];
        var parent = new int[n];
        var closed = new bool[n];
        var heap = new CellHeap();
        var land = 0;
        for (var i = 0; i < n; i++)
        {
            parent[i] = -1;
            if (cells[i] <= seaLevel)
            {
                closed[i] = true;
                level[i] = seaLevel;
            }
            else
            {
                land++;
            }
        }

        var terminal = -1;
        if (land == n)
        {
            terminal = 0;
            for (var i = 1; i < n; i++)
            {
                if (cells[i] < cells[terminal])
                {
                    terminal = i;
                }
            }

            Open(terminal, -1);
        }
        else
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var i = (y * width) + x;
                    if (closed[i])
                    {
                        continue;
                    }

                    for (var k = 0; k < 8; k++)
                    {
                        int nx = x + DeltaX[k], ny = y + DeltaY[k];
                        if ((uint)nx < (uint)width && (uint)ny < (uint)height && cells[(ny * width) + nx] <= seaLevel)
                        {
                            Open(i, (ny * width) + nx);
                            break;
                        }
                    }
                }
            }
        }

        var order = new int[land];
        var popped = 0;
        while (heap.Count > 0)
        {
            var c = heap.Pop();
            order[popped++] = c;
            int cx = c % width, cy = c / width;
            var here = level[c];
            for (var k = 0; k < 8; k++)
            {
                int nx = cx + DeltaX[k], ny = cy + DeltaY[k];
                if ((uint)nx >= (uint)width || (uint)ny >= (uint)height)
                {
                    continue;
                }

                var j = (ny * width) + nx;
                if (!closed[j])
                {
                    closed[j] = true;
                    level[j] = Math.Max(cells[j], here);
                    parent[j] = c;
                    heap.Push(level[j], j);
                }
            }
        }

        return new PriorityFlood(level, parent, order, terminal);

        void Open(int cell, int from)
        {
            closed[cell] = true;
            level[cell] = cells[cell];
            parent[cell] = from;
            heap.Push(cells[cell], cell);
        }
    }
}
