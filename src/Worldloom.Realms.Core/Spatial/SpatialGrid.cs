using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Spatial;

/// <summary>
/// A spatial hash of items by position: square cells of <see cref="CellTiles"/> tiles, each a linked list threaded
/// through flat arrays, so rebuilding it every tick allocates nothing once the arrays have grown. Queries walk the
/// cells overlapping a circle's bounding square; the caller checks exact distances.
/// </summary>
/// <remarks>Items are integers (an index into the caller's own list), so a query's result sorts as plain integers.</remarks>
public sealed class SpatialGrid
{
    /// <summary>Tiles per cell side.</summary>
    public const int CellTiles = 8;

    private const int CellShift = SubTiles.Shift + 3;

    // QueryNearest packs an item (below 2^24) beside its squared distance (the radius is capped at 2^19 sub-tiles,
    // 2048 tiles, so at most 2^38) in one long.
    private const int ItemBits = 24;
    private const int MaxNearestRadius = 1 << 19;
    private const long ItemMask = (1L << ItemBits) - 1;

    private readonly int[] _heads;
    private int[] _next = new int[64];
    private int[] _items = new int[64];
    private Vec[] _positions = new Vec[64];
    private readonly List<long> _nearest = [];

    /// <summary>A grid over a zone of <paramref name="widthTiles"/> × <paramref name="heightTiles"/> tiles.</summary>
    public SpatialGrid(int widthTiles, int heightTiles)
    {
        Columns = ((widthTiles + CellTiles - 1) / CellTiles) + 1;
        Rows = ((heightTiles + CellTiles - 1) / CellTiles) + 1;
        _heads = new int[Columns * Rows];
        Array.Fill(_heads, -1);
    }

    /// <summary>Cell columns.</summary>
    public int Columns { get; }

    /// <summary>Cell rows.</summary>
    public int Rows { get; }

    /// <summary>Items held.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the grid, keeping its arrays.</summary>
    public void Clear()
    {
        Array.Fill(_heads, -1);
        Count = 0;
    }

    /// <summary>Adds an item at a position (positions outside the zone go to the border cells).</summary>
    public void Add(int item, Vec position)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
            Array.Resize(ref _next, Count * 2);
            Array.Resize(ref _positions, Count * 2);
        }

        var cell = Cell(CellX(position.X), CellY(position.Y));
        _items[Count] = item;
        _positions[Count] = position;
        _next[Count] = _heads[cell];
        _heads[cell] = Count;
        Count++;
    }

    /// <summary>Appends to <paramref name="into"/> every item within <paramref name="radius"/> sub-tiles of
    /// <paramref name="centre"/> (inclusive), in no particular order.</summary>
    public void Query(Vec centre, int radius, List<int> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var x0 = CellX(centre.X - radius);
        var x1 = CellX(centre.X + radius);
        var y0 = CellY(centre.Y - radius);
        var y1 = CellY(centre.Y + radius);
        for (var cy = y0; cy <= y1; cy++)
        {
            for (var cx = x0; cx <= x1; cx++)
            {
                for (var i = _heads[Cell(cx, cy)]; i >= 0; i = _next[i])
                {
                    if (_positions[i].IsWithin(centre, radius))
                    {
                        into.Add(_items[i]);
                    }
                }
            }
        }
    }

    /// <summary>Appends to <paramref name="into"/> the <paramref name="limit"/> items nearest to
    /// <paramref name="centre"/> within <paramref name="radius"/> sub-tiles (inclusive; ties by the smaller item), in
    /// no particular order. Walks rings of cells outwards and stops once no farther ring can hold a nearer item, so
    /// in a crowd it reads a few cells instead of every cell the radius covers.</summary>
    public void QueryNearest(Vec centre, int radius, int limit, List<int> into) => QueryNearest(centre, radius, limit, into, _nearest);

    /// <summary>As <see cref="QueryNearest(Vec, int, int, List{int})"/>, with the caller's scratch list (left empty),
    /// so that threads with a list each may query one grid at once while nothing adds to it.</summary>
    public void QueryNearest(Vec centre, int radius, int limit, List<int> into, List<long> scratch)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (Count > 1 << ItemBits)
        {
            throw new InvalidOperationException($"{Count} items: QueryNearest takes at most 2^{ItemBits}");
        }

        radius = Math.Min(radius, MaxNearestRadius);
        var found = scratch;
        found.Clear();
        var cellSize = 1 << CellShift;
        var radiusSquared = (long)radius * radius;
        var cx = CellX(centre.X);
        var cy = CellY(centre.Y);
        var kept = long.MaxValue;
        var rings = Math.Max(Columns, Rows);
        for (var ring = 0; ring < rings; ring++)
        {
            // A point in a cell `ring` cells away is at least (ring - 1) whole cells from the centre's cell edge.
            var nearest = (long)Math.Max(0, ring - 1) * cellSize;
            if (nearest > radius || (found.Count >= limit && nearest * nearest > found[limit - 1] >> ItemBits))
            {
                break;
            }

            for (var y = cy - ring; y <= cy + ring; y++)
            {
                if (y < 0 || y >= Rows)
                {
                    continue;
                }

                var edgeRow = y == cy - ring || y == cy + ring;
                for (var x = cx - ring; x <= cx + ring; x += edgeRow || ring == 0 ? 1 : 2 * ring)
                {
                    if (x < 0 || x >= Columns)
                    {
                        continue;
                    }

                    for (var i = _heads[Cell(x, y)]; i >= 0; i = _next[i])
                    {
                        var dx = (long)(_positions[i].X - centre.X);
                        var dy = (long)(_positions[i].Y - centre.Y);
                        var d = (dx * dx) + (dy * dy);
                        // Distance and item in one number, so sorting plain longs orders by distance, then item;
                        // one beyond the farthest of a full set already kept can never make it in.
                        if (d <= radiusSquared && ((d << ItemBits) | (uint)_items[i]) <= kept)
                        {
                            found.Add((d << ItemBits) | (uint)_items[i]);
                        }
                    }
                }
            }

            if (found.Count >= limit)
            {
                // Keep the nearest `limit` so the stopping test and the memory stay small; the last kept is the
                // farthest of them. The packed values are distinct, so the kept set does not depend on the method.
                SelectSmallest(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found), limit);
                found.RemoveRange(limit, found.Count - limit);
                kept = found[limit - 1];
            }
        }

        foreach (var packed in found)
        {
            into.Add((int)(packed & ItemMask));
        }

        found.Clear();
    }

    /// <summary>Reorders <paramref name="values"/> so its first <paramref name="count"/> are the smallest, the
    /// largest of them at <paramref name="count"/> − 1 (quickselect: linear on average, where a sort is n log n).</summary>
    private static void SelectSmallest(Span<long> values, int count)
    {
        int lo = 0, hi = values.Length - 1, k = count - 1;
        while (lo < hi)
        {
            var pivot = values[lo + ((hi - lo) >>> 1)];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        // The element at k is now the count-th smallest and everything before it is smaller; the stopping test
        // reads it as the farthest kept.
    }

    private int CellX(int x) => Math.Clamp(x >> CellShift, 0, Columns - 1);

    private int CellY(int y) => Math.Clamp(y >> CellShift, 0, Rows - 1);

    private int Cell(int cx, int cy) => (cy * Columns) + cx;
}
