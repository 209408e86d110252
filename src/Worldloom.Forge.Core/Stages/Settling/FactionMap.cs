using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>Factions: their capitals, which regions each holds, names, colours and standings.</summary>
internal sealed class FactionMap
{
    // Standing modifiers: neighbours quarrel over borders, a shared culture eases things.
    private const int BorderStanding = -30;
    private const int CultureStanding = 30;

    private FactionMap(List<Faction> factions, int[] regionFaction)
    {
        Factions = factions;
        RegionFaction = regionFaction;
    }

    /// <summary>The factions, in id order.</summary>
    public List<Faction> Factions { get; }

    /// <summary>Per region (1-based), the index of its faction in <see cref="Factions"/>, or −1.</summary>
    public int[] RegionFaction { get; }

    /// <summary>
    /// Chooses up to <c>FactionCount</c> capitals, one per region, grows the factions over the region graph and
    /// names them. Capitals: settlements by population (then index), accepted when at least the spread distance
    /// from every capital so far, where the spread starts at √(land cells / count) and halves each pass over the
    /// list until enough are found (the last pass needs only a region of its own). Regions: multi-source Dijkstra over
    /// adjacent regions, edge length the distance between their anchors (seat, or centroid for a wild region),
    /// smallest (distance, faction) wins; a region the graph cannot reach goes to the capital nearest its anchor.
    /// </summary>
    public static FactionMap Draw(
        ForgeWorld world, IReadOnlyList<Settlement> settlements, int[] regionOfSettlement, int landCells,
        RegionStats stats, List<int> seats, List<(int A, int B)> adjacency, int regionCount, ChaChaRng rng)
    {
        var capitals = Capitals(settlements, regionOfSettlement, landCells, world.Parameters.FactionCount);
        var anchors = new GridPoint[regionCount + 1];
        for (var r = 1; r <= regionCount; r++)
        {
            anchors[r] = r <= seats.Count ? settlements[seats[r - 1]].Location : stats.Centroid(r);
        }

        var regionFaction = Assign(capitals.Select(c => regionOfSettlement[c]).ToList(), anchors, adjacency, capitals.Select(c => settlements[c].Location).ToList());

        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(capitals.Count);
        var cultures = new List<Culture>(capitals.Count);
        foreach (var c in capitals)
        {
            var culture = Cultures.Find(settlements[c].Culture) ?? Cultures.Imperial;
            cultures.Add(culture);
            names.Add(NameGenerator.Unique(used, () => Heraldry.FactionName(culture, rng)));
        }

        var borders = new bool[capitals.Count, capitals.Count];
        foreach (var (a, b) in adjacency)
        {
            int fa = regionFaction[a], fb = regionFaction[b];
            if (fa >= 0 && fb >= 0 && fa != fb)
            {
                borders[fa, fb] = borders[fb, fa] = true;
            }
        }

        var standing = new int[capitals.Count, capitals.Count];
        for (var i = 0; i < capitals.Count; i++)
        {
            for (var j = i + 1; j < capitals.Count; j++)
            {
                var value = rng.NextInt(-50, 51)
                    + (borders[i, j] ? BorderStanding : 0)
                    + (cultures[i].Id == cultures[j].Id ? CultureStanding : 0);
                standing[i, j] = standing[j, i] = Math.Clamp(value, -100, 100);
            }
        }

        var factions = new List<Faction>(capitals.Count);
        for (var i = 0; i < capitals.Count; i++)
        {
            var relations = new List<FactionRelation>(capitals.Count - 1);
            for (var j = 0; j < capitals.Count; j++)
            {
                if (j != i)
                {
                    relations.Add(new FactionRelation(FactionId(j), standing[i, j], Heraldry.Stance(standing[i, j])));
                }
            }

            factions.Add(new Faction(FactionId(i), names[i], cultures[i].Id, settlements[capitals[i]].Id, Heraldry.Palette[i % Heraldry.Palette.Length], relations));
        }

        return new FactionMap(factions, regionFaction);
    }

    private static string FactionId(int index) => $"faction-{index + 1}";

    private static List<int> Capitals(IReadOnlyList<Settlement> settlements, int[] regionOfSettlement, int landCells, int wanted)
    {
        var order = Enumerable.Range(0, settlements.Count).Where(i => regionOfSettlement[i] > 0)
            .OrderByDescending(i => settlements[i].Population).ThenBy(i => i).ToList();
        var count = Math.Min(wanted, order.Select(i => regionOfSettlement[i]).Distinct().Count());
        var chosen = new List<int>(count);
        var regionTaken = new HashSet<int>();
        var spread = (long)IntegerMath.Sqrt((ulong)landCells / (ulong)Math.Max(1, count));
        while (chosen.Count < count)
        {
            foreach (var i in order)
            {
                if (chosen.Count == count)
                {
                    break;
                }

                if (regionTaken.Contains(regionOfSettlement[i]) || chosen.Contains(i) || !FarFromAll(settlements, chosen, i, spread))
                {
                    continue;
                }

                chosen.Add(i);
                regionTaken.Add(regionOfSettlement[i]);
            }

            spread /= 2;
        }

        return chosen;
    }

    private static bool FarFromAll(IReadOnlyList<Settlement> settlements, List<int> chosen, int candidate, long spread)
    {
        var p = settlements[candidate].Location;
        foreach (var c in chosen)
        {
            long dx = settlements[c].Location.X - p.X, dy = settlements[c].Location.Y - p.Y;
            if ((dx * dx) + (dy * dy) < spread * spread)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Assign(List<int> capitalRegions, GridPoint[] anchors, List<(int A, int B)> adjacency, List<GridPoint> capitalCells)
    {
        var regionCount = anchors.Length - 1;
        var faction = new int[regionCount + 1];
        var distance = new long[regionCount + 1];
        Array.Fill(faction, -1);
        Array.Fill(distance, long.MaxValue);
        var neighbours = new List<int>[regionCount + 1];
        for (var r = 0; r <= regionCount; r++)
        {
            neighbours[r] = [];
        }

        foreach (var (a, b) in adjacency)
        {
            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }

        // Priorities (distance, faction, region) are distinct, so the queue's pop order is fixed.
        var open = new PriorityQueue<int, (long Distance, int Faction, int Region)>();
        for (var f = 0; f < capitalRegions.Count; f++)
        {
            var r = capitalRegions[f];
            distance[r] = 0;
            faction[r] = f;
            open.Enqueue(r, (0, f, r));
        }

        var done = new bool[regionCount + 1];
        while (open.TryDequeue(out var r, out var priority))
        {
            if (done[r] || priority.Distance != distance[r] || priority.Faction != faction[r])
            {
                continue;
            }

            done[r] = true;
            foreach (var next in neighbours[r])
            {
                if (done[next])
                {
                    continue;
                }

                var d = priority.Distance + Math.Max(1, Length(anchors[r], anchors[next]));
                if (d < distance[next] || (d == distance[next] && priority.Faction < faction[next]))
                {
                    distance[next] = d;
                    faction[next] = priority.Faction;
                    open.Enqueue(next, (d, priority.Faction, next));
                }
            }
        }

        for (var r = 1; r <= regionCount; r++)
        {
            if (faction[r] >= 0 || capitalCells.Count == 0)
            {
                continue;
            }

            long best = long.MaxValue;
            for (var f = 0; f < capitalCells.Count; f++)
            {
                long dx = capitalCells[f].X - anchors[r].X, dy = capitalCells[f].Y - anchors[r].Y;
                if ((dx * dx) + (dy * dy) < best)
                {
                    best = (dx * dx) + (dy * dy);
                    faction[r] = f;
                }
            }
        }

        return faction;
    }

    // Straight-line distance in 1/16 cells, exact floor.
    private static int Length(GridPoint a, GridPoint b)
    {
        long dx = a.X - b.X, dy = a.Y - b.Y;
        return (int)IntegerMath.Sqrt((ulong)((dx * dx) + (dy * dy)) * 256);
    }
}
