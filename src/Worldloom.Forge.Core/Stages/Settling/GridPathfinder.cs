using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// Cheapest paths on the 8-connected cell grid by A*, with integer costs so the result is the same on every machine.
/// Entering a cell of cost c takes c orthogonally and c·14/10 (rounded down) diagonally; cost 0 is impassable.
/// Diagonal steps between two passable cells are allowed even past impassable corners, matching 8-connected
/// landmasses. The heuristic is the octile distance at the cheapest cell cost, which never overestimates and is
/// consistent, so each cell is closed once and the first path to reach the goal is the cheapest. Searches reuse
/// their arrays (a generation stamp marks what the current search has touched), so one instance serves thousands
/// of searches with no clearing and no allocation beyond the path.
/// </summary>
public sealed class GridPathfinder
{
    private static readonly int[] Dx = [1, -1, 0, 0, 1, 1, -1, -1];
    private static readonly int[] Dy = [0, 0, 1, -1, 1, -1, 1, -1];

    private readonly int[] _g;
    private readonly int[] _parent;
    private readonly int[] _state;
    private readonly KeyHeap _open = new();
    private int _generation;

    /// <summary>A pathfinder for grids of <paramref name="width"/> × <paramref name="height"/> cells.</summary>
    public GridPathfinder(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _g = new int[width * height];
        _parent = new int[width * height];
        _state = new int[width * height];
    }

    /// <summary>Cells per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Cells closed by all searches so far: the measure of how much work the searches did.</summary>
    public long Expanded { get; private set; }

    /// <summary>The cost of one step into a cell of cost <paramref name="cellCost"/>.</summary>
    public static int StepCost(int cellCost, bool diagonal) => diagonal ? cellCost * 14 / 10 : cellCost;

    /// <summary>
    /// The cheapest path from <paramref name="from"/> to <paramref name="to"/> over the whole grid, or null when none
    /// exists. The search first keeps to the pair's bounding box widened by half their distance (at least 16 cells)
    /// and doubles the margin until a path is found or the window covers the grid: short roads never look at the
    /// rest of the map, and a path that must go around a bay is still found. Within a window the path is the
    /// cheapest inside it.
    /// </summary>
    /// <param name="costs">Cell costs, row-major; 0 is impassable.</param>
    /// <param name="minCellCost">A lower bound on every passable cell cost (the heuristic's unit).</param>
    /// <param name="from">Start cell; its own cost is not paid.</param>
    /// <param name="to">Goal cell.</param>
    /// <param name="cost">The path's total step cost; 0 when there is no path.</param>
    public IReadOnlyList<GridPoint>? FindPath(ReadOnlySpan<int> costs, int minCellCost, GridPoint from, GridPoint to, out int cost)
    {
        var margin = Math.Max(8, Math.Max(Math.Abs(to.X - from.X), Math.Abs(to.Y - from.Y)) / 4);
        while (true)
        {
            int x0 = Math.Max(0, Math.Min(from.X, to.X) - margin), x1 = Math.Min(Width - 1, Math.Max(from.X, to.X) + margin);
            int y0 = Math.Max(0, Math.Min(from.Y, to.Y) - margin), y1 = Math.Min(Height - 1, Math.Max(from.Y, to.Y) + margin);
            var path = FindPathWithin(costs, minCellCost, from, to, x0, y0, x1, y1, out cost);
            if (path is not null || (x0 == 0 && y0 == 0 && x1 == Width - 1 && y1 == Height - 1))
            {
                return path;
            }

            margin *= 2;
        }
    }

    /// <summary>
    /// The cheapest path from <paramref name="from"/> to <paramref name="to"/> that stays inside the window
    /// [<paramref name="x0"/>..<paramref name="x1"/>] × [<paramref name="y0"/>..<paramref name="y1"/>] (inclusive),
    /// or null. Equal priorities (f, then h) are taken in ascending cell order, so the path is fixed by the input.
    /// </summary>
    public IReadOnlyList<GridPoint>? FindPathWithin(
        ReadOnlySpan<int> costs, int minCellCost, GridPoint from, GridPoint to, int x0, int y0, int x1, int y1, out int cost)
    {
        if (costs.Length != _g.Length)
        {
            throw new ArgumentException($"The costs must hold {Width}×{Height} values.", nameof(costs));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minCellCost, 1);
        CheckInside(from, nameof(from));
        CheckInside(to, nameof(to));
        x0 = Math.Max(0, x0);
        y0 = Math.Max(0, y0);
        x1 = Math.Min(Width - 1, x1);
        y1 = Math.Min(Height - 1, y1);
        cost = 0;
        var start = (from.Y * Width) + from.X;
        var goal = (to.Y * Width) + to.X;
        if (costs[start] == 0 || costs[goal] == 0 || !Within(from, x0, y0, x1, y1) || !Within(to, x0, y0, x1, y1))
        {
            return null;
        }

        var open = NextGeneration();
        var closed = open + 1;
        var diagonalMin = StepCost(minCellCost, true);
        // Locals for the hot loop: the JIT keeps them in registers instead of reloading fields on every neighbour.
        int width = Width;
        int[] state = _state, gs = _g, parents = _parent;
        var heap = _open;
        var expanded = 0L;
        heap.Clear();
        gs[start] = 0;
        parents[start] = -1;
        state[start] = open;
        heap.Push(Priority(0, Heuristic(from.X, from.Y, to, minCellCost, diagonalMin)), start);
        while (heap.Count > 0)
        {
            var cell = heap.Pop(out _);
            if (state[cell] == closed)
            {
                continue;
            }

            state[cell] = closed;
            expanded++;
            if (cell == goal)
            {
                Expanded += expanded;
                cost = gs[goal];
                return Trace(goal);
            }

            int y = cell / width, x = cell - (y * width), g = gs[cell];
            for (var d = 0; d < 8; d++)
            {
                int nx = x + Dx[d], ny = y + Dy[d];
                if (nx < x0 || nx > x1 || ny < y0 || ny > y1)
                {
                    continue;
                }

                var next = (ny * width) + nx;
                var c = costs[next];
                var seen = state[next];
                if (c == 0 || seen == closed)
                {
                    continue;
                }

                var tentative = g + StepCost(c, d >= 4);
                if (seen != open || tentative < gs[next])
                {
                    state[next] = open;
                    gs[next] = tentative;
                    parents[next] = cell;
                    heap.Push(Priority(tentative, Heuristic(nx, ny, to, minCellCost, diagonalMin)), next);
                }
            }
        }

        Expanded += expanded;
        return null;
    }

    // Lowest f = g + h first; among equal f the one nearer the goal (lower h), which walks straight along a plateau
    // instead of widening it; then the lower cell index. Any such order keeps A* exact.
    private static long Priority(int g, int h) => ((long)(g + h) << 32) | (uint)h;

    // Octile distance with the cheapest orthogonal and diagonal steps: a lower bound on any path's cost.
    private static int Heuristic(int x, int y, GridPoint to, int orthogonal, int diagonal)
    {
        int dx = Math.Abs(to.X - x), dy = Math.Abs(to.Y - y);
        int straight = Math.Abs(dx - dy), slanted = Math.Min(dx, dy);
        return (straight * orthogonal) + (slanted * diagonal);
    }

    private static bool Within(GridPoint p, int x0, int y0, int x1, int y1) => p.X >= x0 && p.X <= x1 && p.Y >= y0 && p.Y <= y1;

    private void CheckInside(GridPoint p, string name)
    {
        if ((uint)p.X >= (uint)Width || (uint)p.Y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(name, p, "The cell is outside the grid.");
        }
    }

    // Two stamps per search (open, closed); when they would overflow, start over from a cleared array.
    private int NextGeneration()
    {
        if (_generation >= int.MaxValue - 4)
        {
            Array.Clear(_state);
            _generation = 0;
        }

        _generation += 2;
        return _generation;
    }

    private List<GridPoint> Trace(int goal)
    {
        var path = new List<GridPoint>();
        for (var cell = goal; cell >= 0; cell = _parent[cell])
        {
            path.Add(new GridPoint(cell % Width, cell / Width));
        }

        path.Reverse();
        return path;
    }
}
