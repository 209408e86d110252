namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>Growing territories over the terrain and finding which of them touch.</summary>
internal static class Territory
{
    /// <summary>
    /// Multi-source Dijkstra from <paramref name="seeds"/> (cell, owner ≥ 1) over the 8-connected grid, entering a
    /// cell of cost c for c (orthogonal) or c·14/10 (diagonal), cost 0 impassable. Each reached cell gets the owner
    /// with the smallest (distance, owner), so ties go to the lower owner whatever order cells are visited in; each
    /// owner's cells are 8-connected to its seed because a cell takes its owner from a neighbour on a shortest path.
    /// Dial's bucket queue (one bucket per distance modulo the largest step + 1) makes it O(cells + distance
    /// range) with no heap. Unreached cells get 0.
    /// </summary>
    public static int[] Grow(int[] costs, int width, int height, IReadOnlyList<(int Cell, int Owner)> seeds)
    {
        var n = costs.Length;
        var owner = new int[n];
        var distance = new int[n];
        Array.Fill(distance, int.MaxValue);
        var maxStep = 1;
        foreach (var c in costs)
        {
            maxStep = Math.Max(maxStep, GridPathfinder.StepCost(c, true));
        }

        // Circular buckets, each a stack of cells; a cell may sit in several (lazy deletion: an entry whose distance
        // no longer matches its bucket is skipped), which is cheaper than unlinking it on every improvement.
        var buckets = new int[maxStep + 1][];
        var counts = new int[maxStep + 1];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = new int[16];
        }

        var pending = 0L;
        void Push(int cell, int d)
        {
            var b = d % buckets.Length;
            if (counts[b] == buckets[b].Length)
            {
                Array.Resize(ref buckets[b], buckets[b].Length * 2);
            }

            buckets[b][counts[b]++] = cell;
            pending++;
        }

        foreach (var (cell, who) in seeds)
        {
            if (costs[cell] == 0 || (distance[cell] == 0 && owner[cell] <= who))
            {
                continue;
            }

            if (distance[cell] != 0)
            {
                Push(cell, 0);
            }

            distance[cell] = 0;
            owner[cell] = who;
        }

        for (var d = 0; pending > 0; d++)
        {
            var b = d % buckets.Length;
            // Cells pushed while this bucket drains have a larger distance, so they land in other buckets.
            while (counts[b] > 0)
            {
                var cell = buckets[b][--counts[b]];
                pending--;
                if (distance[cell] != d)
                {
                    continue;
                }

                // Mark it settled: no later relaxation can reach d again, and a second entry for it is skipped.
                distance[cell] = -d - 1;
                int y = cell / width, x = cell - (y * width), who = owner[cell];
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if ((uint)ny >= (uint)height)
                    {
                        continue;
                    }

                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        if ((uint)nx >= (uint)width || (dx | dy) == 0)
                        {
                            continue;
                        }

                        var m = (ny * width) + nx;
                        var cost = costs[m];
                        var current = distance[m];
                        if (cost == 0 || current < 0)
                        {
                            continue;
                        }

                        var nd = d + GridPathfinder.StepCost(cost, dx != 0 && dy != 0);
                        if (nd < current)
                        {
                            distance[m] = nd;
                            owner[m] = who;
                            Push(m, nd);
                        }
                        else if (nd == current && who < owner[m])
                        {
                            owner[m] = who;
                        }
                    }
                }
            }
        }

        return owner;
    }

    /// <summary>
    /// The pairs (lower, higher) of distinct non-zero values of <paramref name="cells"/> that meet across an
    /// 8-neighbour step, sorted and without repeats.
    /// </summary>
    public static List<(int A, int B)> Adjacency(ReadOnlySpan<int> cells, int width, int height)
    {
        var pairs = new List<long>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var a = cells[(y * width) + x];
                if (a == 0)
                {
                    continue;
                }

                if (x + 1 < width)
                {
                    Note(pairs, a, cells[(y * width) + x + 1]);
                }

                if (y + 1 < height)
                {
                    Note(pairs, a, cells[((y + 1) * width) + x]);
                    if (x + 1 < width)
                    {
                        Note(pairs, a, cells[((y + 1) * width) + x + 1]);
                    }

                    if (x > 0)
                    {
                        Note(pairs, a, cells[((y + 1) * width) + x - 1]);
                    }
                }
            }
        }

        pairs.Sort();
        var result = new List<(int, int)>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1])
            {
                result.Add(((int)(pairs[i] >> 32), (int)(pairs[i] & 0xFFFFFFFF)));
            }
        }

        return result;
    }

    private static void Note(List<long> pairs, int a, int b)
    {
        if (b != 0 && b != a)
        {
            // Borders repeat the same pair cell after cell; skipping an immediate repeat keeps the list short.
            var key = ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
            if (pairs.Count == 0 || pairs[^1] != key)
            {
                pairs.Add(key);
            }
        }
    }
}
