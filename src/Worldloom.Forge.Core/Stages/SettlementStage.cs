using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages.Settling;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Places the world's settlements on the best land: near fresh water and the coast, on flat ground in a kind
/// biome and climate. Sites are picked greedily by score in rounds of shrinking spacing, so a sparse world gets
/// its settlements spread out and a denser one fills the gaps; every landmass of <see cref="IslandCells"/> cells or
/// more with a site good enough gets one first. The whole list does not depend on the density, which only says how
/// long a prefix of it to keep, so a denser world never has fewer settlements. Linear in cells.
/// </summary>
public sealed class SettlementStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "settlements";

    /// <summary>The lowest suitability a settlement may stand on.</summary>
    public const int MinScore = 40;

    /// <summary>No two settlements stand closer than this many cells (Euclidean).</summary>
    public const int MinSpacing = 7;

    /// <summary>Landmasses of at least this many cells get a settlement first, when they have a good enough site.</summary>
    public const int IslandCells = 256;

    // Candidate sites are the best cell of each BlockSize² block: far fewer to sort, and the spacing is wider anyway.
    private const int BlockSize = 4;

    // Scores get a random 0..Jitter-1 added, so equally good sites are taken in a different order on each seed.
    private const int Jitter = 12;

    // The rounds of greedy placement: wide spacing first so a sparse world is spread out, then the gaps fill.
    private static readonly int[] RoundSpacings = [28, 14, MinSpacing];

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        var land = LandGrid.Of(world, StreamName);
        var suitability = Settling.Suitability.Of(world, land);
        var sites = PickSites(world, land, suitability.Scores, rng);
        world.Settlements = Describe(world, suitability, sites, rng);
    }

    /// <summary>
    /// The suitability score of every cell (−1 off dry land), as the stage ranks sites; for map overlays and tests.
    /// Throws <see cref="InvalidOperationException"/> when the heightmap, climate, biome or hydrology layer is missing.
    /// </summary>
    public static int[] Suitability(ForgeWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return Settling.Suitability.Of(world, LandGrid.Of(world, StreamName)).Scores;
    }

    /// <summary>
    /// How many settlements <paramref name="landCells"/> cells of dry land hold at <paramref name="density"/> (0–100):
    /// land · (12 + (1600·d + 106·d²) / 2500) / 100000, so about 1 per 8300 land cells at 0, 1 per 670 at 50 and
    /// 1 per 200 at 100, and at least one when there is land. Fewer are placed when good sites run out.
    /// </summary>
    public static int TargetCount(int landCells, int density)
    {
        var d = Math.Clamp(density, 0, 100);
        var perHundredThousand = 12 + (((1600 * d) + (106 * d * d)) / 2500);
        return landCells == 0 ? 0 : (int)Math.Max(1, (long)landCells * perHundredThousand / 100000);
    }

    private static List<int> PickSites(ForgeWorld world, LandGrid land, int[] scores, ChaChaRng rng)
    {
        int width = land.Width, height = land.Height;
        var candidates = Candidates(scores, width, height, rng);
        var grid = new SpacingGrid(width, height, MinSpacing);
        var sites = new List<int>();

        // Round 0: the best clear site of each big enough landmass, biggest landmass first (ties: lower label).
        var landmasses = Enumerable.Range(1, land.Count).Where(l => land.Sizes[l] >= IslandCells)
            .OrderByDescending(l => land.Sizes[l]).ThenBy(l => l).ToList();
        foreach (var label in landmasses)
        {
            int best = -1, bestScore = MinScore - 1;
            foreach (var cell in land.CellsOf(label))
            {
                if (scores[cell] > bestScore && grid.IsClear(cell % width, cell / width, MinSpacing))
                {
                    best = cell;
                    bestScore = scores[cell];
                }
            }

            if (best >= 0)
            {
                sites.Add(best);
                grid.Add(best % width, best / width);
            }
        }

        var target = Math.Max(sites.Count, TargetCount(land.LandCells, world.Parameters.SettlementDensity));
        foreach (var spacing in RoundSpacings)
        {
            foreach (var key in candidates)
            {
                if (sites.Count >= target)
                {
                    return sites;
                }

                var cell = (int)(key & 0xFFFFFFFF);
                int x = cell % width, y = cell / width;
                if (grid.IsClear(x, y, spacing))
                {
                    sites.Add(cell);
                    grid.Add(x, y);
                }
            }
        }

        return sites;
    }

    // The best cell (ties: lowest index) of each block, row-major by block, if it reaches MinScore; returned as sort
    // keys (descending jittered score, then ascending cell) so one ascending sort gives the greedy order.
    private static long[] Candidates(int[] scores, int width, int height, ChaChaRng rng)
    {
        var keys = new List<long>();
        for (var by = 0; by < height; by += BlockSize)
        {
            for (var bx = 0; bx < width; bx += BlockSize)
            {
                int best = -1, bestScore = MinScore - 1;
                for (int y = by, yEnd = Math.Min(height, by + BlockSize); y < yEnd; y++)
                {
                    for (int x = bx, xEnd = Math.Min(width, bx + BlockSize); x < xEnd; x++)
                    {
                        var cell = (y * width) + x;
                        if (scores[cell] > bestScore)
                        {
                            best = cell;
                            bestScore = scores[cell];
                        }
                    }
                }

                if (best >= 0)
                {
                    var jittered = bestScore + rng.NextInt(Jitter);
                    keys.Add(((long)(int.MaxValue - jittered) << 32) | (uint)best);
                }
            }
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static List<Settlement> Describe(ForgeWorld world, Settling.Suitability suitability, List<int> sites, ChaChaRng rng)
    {
        var width = world.Width;
        var heightmap = world.Heightmap!;
        var biomes = world.Biomes!;
        var sizes = SizeClasses(suitability, sites);
        var range = Math.Max(1, ushort.MaxValue - heightmap.SeaLevel);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var settlements = new List<Settlement>(sites.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            var cell = sites[i];
            var location = new GridPoint(cell % width, cell / width);
            var biome = biomes[location.X, location.Y];
            var coastal = suitability.SeaDistance[cell] == 1;
            var elevated = (heightmap.Cells[cell] - heightmap.SeaLevel) * 100L / range >= 45;
            var culture = Cultures.ForSite(biome, coastal, elevated);
            var population = sizes[i] switch
            {
                SettlementSize.Hamlet => 20 + rng.NextInt(80),
                SettlementSize.Village => 100 + rng.NextInt(900),
                SettlementSize.Town => 1000 + rng.NextInt(9000),
                _ => 10000 + rng.NextInt(90000),
            };
            settlements.Add(new Settlement
            {
                Id = $"settlement-{i + 1}",
                Name = NameGenerator.Unique(used, () => NameGenerator.PlaceName(culture, rng)),
                Location = location,
                Size = sizes[i],
                Population = population,
                Culture = culture.Id,
                Biome = biome,
                Coastal = coastal,
                FreshWater = suitability.FreshDistance[cell] <= 1,
            });
        }

        return settlements;
    }

    // Ranks sites by score plus a water bonus (fresh water 10, sea 8). Cities: the best n/25 (at least one from 8
    // settlements on) among those by water, since cities grow on trade routes; towns: the next best up to 30 % of
    // all; villages up to 70 %; hamlets the rest.
    private static SettlementSize[] SizeClasses(Settling.Suitability suitability, List<int> sites)
    {
        var n = sites.Count;
        var hasWater = new bool[n];
        var rank = new int[n];
        var prominence = new int[n];
        for (var i = 0; i < n; i++)
        {
            var cell = sites[i];
            var fresh = suitability.FreshDistance[cell] <= 1;
            var coastal = suitability.SeaDistance[cell] == 1;
            hasWater[i] = fresh || coastal;
            prominence[i] = suitability.Scores[cell] + (fresh ? 10 : 0) + (coastal ? 8 : 0);
            rank[i] = i;
        }

        Array.Sort(rank, (a, b) => prominence[a] != prominence[b] ? prominence[b].CompareTo(prominence[a]) : a.CompareTo(b));
        var cities = n >= 8 ? Math.Max(1, n / 25) : 0;
        var towns = Math.Max(n >= 2 ? 1 : 0, (n * 3 / 10) - cities);
        var villages = (n * 7 / 10) - cities - towns;
        var sizes = new SettlementSize[n];
        Array.Fill(sizes, SettlementSize.Hamlet);
        var assigned = new bool[n];
        foreach (var i in rank)
        {
            if (cities == 0)
            {
                break;
            }

            if (hasWater[i])
            {
                sizes[i] = SettlementSize.City;
                assigned[i] = true;
                cities--;
            }
        }

        foreach (var i in rank)
        {
            if (assigned[i])
            {
                continue;
            }

            if (towns > 0)
            {
                sizes[i] = SettlementSize.Town;
                towns--;
            }
            else if (villages > 0)
            {
                sizes[i] = SettlementSize.Village;
                villages--;
            }
            else
            {
                break;
            }
        }

        return sizes;
    }
}
