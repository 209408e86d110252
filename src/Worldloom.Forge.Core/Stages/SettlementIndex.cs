using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Settlements bucketed on a coarse square grid, for nearest-settlement questions in time that does not grow with the
/// number of settlements. Answers are exact and ordered by squared distance, ties by list index, so they never depend
/// on the bucket size.
/// </summary>
public sealed class SettlementIndex
{
    private readonly IReadOnlyList<GridPoint> _points;
    private readonly int _bucket;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _start;
    private readonly int[] _items;

    /// <summary>Indexes <paramref name="points"/> (list index = the answer) on a <paramref name="width"/> × <paramref name="height"/> map.</summary>
    public SettlementIndex(IReadOnlyList<GridPoint> points, int width, int height)
    {
        _points = points;
        // About two points per bucket; at least 8 cells so a sparse world is not a huge empty grid.
        var area = (long)width * height;
        _bucket = (int)Math.Max(8u, IntegerMath.Sqrt((ulong)(area / Math.Max(1, points.Count / 2))));
        _columns = ((width - 1) / _bucket) + 1;
        _rows = ((height - 1) / _bucket) + 1;
        _start = new int[(_columns * _rows) + 1];
        _items = new int[points.Count];
        var bucketOf = new int[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            bucketOf[i] = BucketOf(points[i]);
            _start[bucketOf[i] + 1]++;
        }

        for (var b = 0; b < _columns * _rows; b++)
        {
            _start[b + 1] += _start[b];
        }

        // Counting sort keeps each bucket's points in index order.
        var fill = (int[])_start.Clone();
        for (var i = 0; i < points.Count; i++)
        {
            _items[fill[bucketOf[i]]++] = i;
        }
    }

    /// <summary>How many points are indexed.</summary>
    public int Count => _points.Count;

    /// <summary>
    /// Fills <paramref name="nearest"/> with the indexes of the points closest to <paramref name="at"/> (nearest first,
    /// ties by index), leaving out <paramref name="exclude"/>; returns how many it found.
    /// </summary>
    public int Nearest(GridPoint at, Span<int> nearest, int exclude = -1)
    {
        if (nearest.IsEmpty)
        {
            return 0;
        }

        Span<long> distances = nearest.Length <= 16 ? stackalloc long[nearest.Length] : new long[nearest.Length];
        var found = 0;
        var cx = Math.Clamp(at.X / _bucket, 0, _columns - 1);
        var cy = Math.Clamp(at.Y / _bucket, 0, _rows - 1);
        var maxRing = Math.Max(_columns, _rows);
        for (var ring = 0; ring <= maxRing; ring++)
        {
            for (var by = cy - ring; by <= cy + ring; by++)
            {
                if (by < 0 || by >= _rows)
                {
                    continue;
                }

                // Inner rows of the ring only need its two side buckets.
                var step = by == cy - ring || by == cy + ring ? 1 : Math.Max(1, 2 * ring);
                for (var bx = cx - ring; bx <= cx + ring; bx += step)
                {
                    if (bx >= 0 && bx < _columns)
                    {
                        found = Collect((by * _columns) + bx, at, exclude, nearest, distances, found);
                    }
                }
            }

            // Every bucket outside this ring lies more than ring · bucket cells away.
            var reach = (long)ring * _bucket;
            if (found == nearest.Length && distances[found - 1] <= reach * reach)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The squared distance between two cells.</summary>
    public static long DistanceSquared(GridPoint a, GridPoint b)
    {
        long dx = a.X - b.X, dy = a.Y - b.Y;
        return (dx * dx) + (dy * dy);
    }

    private int Collect(int bucket, GridPoint at, int exclude, Span<int> nearest, Span<long> distances, int found)
    {
        for (var k = _start[bucket]; k < _start[bucket + 1]; k++)
        {
            var index = _items[k];
            if (index == exclude)
            {
                continue;
            }

            var d = DistanceSquared(at, _points[index]);
            if (found == nearest.Length && (d > distances[found - 1] || (d == distances[found - 1] && index > nearest[found - 1])))
            {
                continue;
            }

            // Insertion into the short sorted list: (distance, index) ascending.
            var slot = found < nearest.Length ? found++ : found - 1;
            while (slot > 0 && (distances[slot - 1] > d || (distances[slot - 1] == d && nearest[slot - 1] > index)))
            {
                distances[slot] = distances[slot - 1];
                nearest[slot] = nearest[slot - 1];
                slot--;
            }

            distances[slot] = d;
            nearest[slot] = index;
        }

        return found;
    }

    private int BucketOf(GridPoint p) =>
        (Math.Clamp(p.Y / _bucket, 0, _rows - 1) * _columns) + Math.Clamp(p.X / _bucket, 0, _columns - 1);
}
