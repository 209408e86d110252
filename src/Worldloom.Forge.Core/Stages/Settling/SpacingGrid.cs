namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// Placed points bucketed in a coarse grid, so "is anything within r cells" looks at the few buckets the circle
/// touches instead of every point placed so far.
/// </summary>
internal sealed class SpacingGrid
{
    private readonly int _bucket;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _heads;
    private readonly List<int> _next = [];
    private readonly List<int> _xs = [];
    private readonly List<int> _ys = [];

    public SpacingGrid(int width, int height, int bucket)
    {
        _bucket = bucket;
        _columns = ((width - 1) / bucket) + 1;
        _rows = ((height - 1) / bucket) + 1;
        _heads = new int[_columns * _rows];
        Array.Fill(_heads, -1);
    }

    /// <summary>Whether no placed point lies closer than <paramref name="spacing"/> cells (Euclidean) to (x, y).</summary>
    public bool IsClear(int x, int y, int spacing)
    {
        var reach = spacing - 1;
        int bx0 = Math.Max(0, (x - reach) / _bucket), bx1 = Math.Min(_columns - 1, (x + reach) / _bucket);
        int by0 = Math.Max(0, (y - reach) / _bucket), by1 = Math.Min(_rows - 1, (y + reach) / _bucket);
        var limit = spacing * spacing;
        for (var by = by0; by <= by1; by++)
        {
            for (var bx = bx0; bx <= bx1; bx++)
            {
                for (var p = _heads[(by * _columns) + bx]; p >= 0; p = _next[p])
                {
                    int dx = _xs[p] - x, dy = _ys[p] - y;
                    if ((dx * dx) + (dy * dy) < limit)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Places a point.</summary>
    public void Add(int x, int y)
    {
        var bucket = ((y / _bucket) * _columns) + (x / _bucket);
        _next.Add(_heads[bucket]);
        _xs.Add(x);
        _ys.Add(y);
        _heads[bucket] = _xs.Count - 1;
    }
}
