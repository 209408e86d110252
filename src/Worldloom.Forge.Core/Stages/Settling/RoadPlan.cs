using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// Which settlements a road joins: per landmass, a minimum spanning tree over each settlement's nearest neighbours
/// on the same landmass (straight-line distance), patched so every landmass's settlements are connected, plus a
/// few short links that close loops where the tree makes a long detour. Everything is ordered by (squared length,
/// lower index, higher index), so the plan is fixed by the settlements alone.
/// </summary>
internal static class RoadPlan
{
    /// <summary>Nearest neighbours each settlement considers.</summary>
    public const int Neighbours = 4;

    // A loop is worth a road when the way round through the network is more than this many times the direct line.
    private const int DetourFactor = 2;

    // At most one extra link per this many tree edges (and at least one where any qualifies).
    private const int TreeEdgesPerExtra = 5;

    private const int Bucket = 16;

    /// <summary>The pairs (lower index, higher index) to join, tree edges first, each group shortest first.</summary>
    public static List<(int From, int To)> Plan(IReadOnlyList<Settlement> settlements, LandGrid land)
    {
        var n = settlements.Count;
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var p = settlements[i].Location;
            var inside = (uint)p.X < (uint)land.Width && (uint)p.Y < (uint)land.Height;
            labels[i] = inside ? land.Labels[(p.Y * land.Width) + p.X] : 0;
        }

        var candidates = NearestPairs(settlements, labels, land.Width, land.Height);
        var sets = new DisjointSets(n);
        var tree = new List<(long Length2, int A, int B)>();
        var extras = new List<(long Length2, int A, int B)>();
        foreach (var edge in candidates)
        {
            if (sets.Union(edge.A, edge.B))
            {
                tree.Add(edge);
            }
            else
            {
                extras.Add(edge);
            }
        }

        tree.AddRange(Bridges(settlements, labels, sets));
        tree.Sort();

        var plan = new List<(int From, int To)>(tree.Count);
        var graph = new List<(int To, int Length)>[n];
        for (var i = 0; i < n; i++)
        {
            graph[i] = [];
        }

        foreach (var (length2, a, b) in tree)
        {
            plan.Add((a, b));
            Link(graph, a, b, Length(length2));
        }

        var budget = Math.Max(1, tree.Count / TreeEdgesPerExtra);
        var detour = new DetourSearch(n);
        foreach (var (length2, a, b) in extras)
        {
            if (budget == 0)
            {
                break;
            }

            var length = Length(length2);
            if (!detour.Within(graph, a, b, DetourFactor * length))
            {
                plan.Add((a, b));
                Link(graph, a, b, length);
                budget--;
            }
        }

        return plan;
    }

    // Length in 1/16 cells, exact floor: sqrt(d² · 256).
    private static int Length(long length2) => (int)IntegerMath.Sqrt((ulong)length2 * 256);

    private static void Link(List<(int To, int Length)>[] graph, int a, int b, int length)
    {
        graph[a].Add((b, length));
        graph[b].Add((a, length));
    }

    private static long Distance2(IReadOnlyList<Settlement> settlements, int a, int b)
    {
        long dx = settlements[a].Location.X - settlements[b].Location.X, dy = settlements[a].Location.Y - settlements[b].Location.Y;
        return (dx * dx) + (dy * dy);
    }

    // Each settlement's Neighbours nearest on its own landmass (ties: lower index), found by searching rings of
    // grid buckets outward until no unsearched bucket can hold anything nearer. Deduplicated and sorted.
    private static List<(long Length2, int A, int B)> NearestPairs(IReadOnlyList<Settlement> settlements, int[] labels, int width, int height)
    {
        var n = settlements.Count;
        int columns = ((width - 1) / Bucket) + 1, rows = ((height - 1) / Bucket) + 1;
        var heads = new int[columns * rows];
        Array.Fill(heads, -1);
        var next = new int[n];
        var perLandmass = new Dictionary<int, int>();
        for (var i = n - 1; i >= 0; i--)
        {
            if (labels[i] == 0)
            {
                continue;
            }

            var p = settlements[i].Location;
            var bucket = ((p.Y / Bucket) * columns) + (p.X / Bucket);
            next[i] = heads[bucket];
            heads[bucket] = i;
            perLandmass[labels[i]] = perLandmass.GetValueOrDefault(labels[i]) + 1;
        }

        var pairs = new List<(long, int, int)>();
        var found = new List<(long Length2, int Index)>();
        for (var i = 0; i < n; i++)
        {
            if (labels[i] == 0)
            {
                continue;
            }

            var want = Math.Min(Neighbours, perLandmass[labels[i]] - 1);
            if (want == 0)
            {
                continue;
            }

            found.Clear();
            var p = settlements[i].Location;
            int bx = p.X / Bucket, by = p.Y / Bucket;
            for (var ring = 0; ring <= Math.Max(columns, rows); ring++)
            {
                // Anything in ring r or beyond is at least (r - 1) · Bucket cells away.
                if (found.Count >= want && found[want - 1].Length2 < (long)(ring - 1) * (ring - 1) * Bucket * Bucket)
                {
                    break;
                }

                for (var y = by - ring; y <= by + ring; y++)
                {
                    for (var x = bx - ring; x <= bx + ring; x++)
                    {
                        var onRing = Math.Max(Math.Abs(x - bx), Math.Abs(y - by)) == ring;
                        if (!onRing || x < 0 || y < 0 || x >= columns || y >= rows)
                        {
                            continue;
                        }

                        for (var j = heads[(y * columns) + x]; j >= 0; j = next[j])
                        {
                            if (j != i && labels[j] == labels[i])
                            {
                                found.Add((Distance2(settlements, i, j), j));
                            }
                        }
                    }
                }

                found.Sort();
            }

            for (var k = 0; k < Math.Min(want, found.Count); k++)
            {
                var j = found[k].Index;
                pairs.Add((found[k].Length2, Math.Min(i, j), Math.Max(i, j)));
            }
        }

        pairs.Sort();
        var unique = new List<(long Length2, int A, int B)>(pairs.Count);
        foreach (var pair in pairs)
        {
            if (unique.Count == 0 || unique[^1] != pair)
            {
                unique.Add(pair);
            }
        }

        return unique;
    }

    // Nearest-neighbour graphs can split into clusters on one landmass. While a landmass has more than one set, join
    // its smallest set (ties: lowest member) to the nearest settlement outside it: the shortest edge leaving a set
    // belongs to the spanning tree, so the patch keeps it minimal.
    private static List<(long Length2, int A, int B)> Bridges(IReadOnlyList<Settlement> settlements, int[] labels, DisjointSets sets)
    {
        var bridges = new List<(long, int, int)>();
        var byLandmass = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < settlements.Count; i++)
        {
            if (labels[i] != 0)
            {
                if (!byLandmass.TryGetValue(labels[i], out var members))
                {
                    byLandmass[labels[i]] = members = [];
                }

                members.Add(i);
            }
        }

        foreach (var members in byLandmass.Values)
        {
            while (true)
            {
                var sizes = new Dictionary<int, int>();
                foreach (var m in members)
                {
                    var root = sets.Find(m);
                    sizes[root] = sizes.GetValueOrDefault(root) + 1;
                }

                if (sizes.Count <= 1)
                {
                    break;
                }

                // The smallest set, ties by its lowest member (members are in index order, so first seen is lowest).
                int smallest = -1, smallestSize = int.MaxValue;
                foreach (var m in members)
                {
                    var root = sets.Find(m);
                    if (sizes[root] < smallestSize)
                    {
                        smallest = root;
                        smallestSize = sizes[root];
                    }
                }

                (long Length2, int A, int B) best = (long.MaxValue, 0, 0);
                foreach (var a in members)
                {
                    if (sets.Find(a) != smallest)
                    {
                        continue;
                    }

                    foreach (var b in members)
                    {
                        if (sets.Find(b) != smallest)
                        {
                            var edge = (Distance2(settlements, a, b), Math.Min(a, b), Math.Max(a, b));
                            if (edge.CompareTo(best) < 0)
                            {
                                best = edge;
                            }
                        }
                    }
                }

                sets.Union(best.A, best.B);
                bridges.Add(best);
            }
        }

        return bridges;
    }

    private sealed class DisjointSets(int count)
    {
        private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        // Joins the sets of a and b; false when they were one already. The lower root wins, so roots are stable.
        public bool Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb)
            {
                return false;
            }

            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            return true;
        }
    }

    // Dijkstra over the road graph planned so far, cut off at a length limit, so a check only sees the nearby network.
    private sealed class DetourSearch(int count)
    {
        private readonly int[] _distance = new int[count];
        private readonly int[] _stamp = new int[count];
        private readonly KeyHeap _open = new();
        private int _generation;

        public bool Within(List<(int To, int Length)>[] graph, int from, int to, int limit)
        {
            _generation++;
            _open.Clear();
            _distance[from] = 0;
            _stamp[from] = _generation;
            _open.Push(0, from);
            while (_open.Count > 0)
            {
                var node = _open.Pop(out var priority);
                var distance = (int)priority;
                if (distance > _distance[node])
                {
                    continue;
                }

                if (node == to)
                {
                    return true;
                }

                foreach (var (next, length) in graph[node])
                {
                    var d = distance + length;
                    if (d <= limit && (_stamp[next] != _generation || d < _distance[next]))
                    {
                        _stamp[next] = _generation;
                        _distance[next] = d;
                        _open.Push(d, next);
                    }
                }
            }

            return false;
        }
    }
}
