using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Places points of interest on land away from settlements and gives each a name and a quest hook told by NPCs of
/// the nearest settlements. One candidate cell is drawn in every <see cref="GridSize"/>² block (blocks row-major);
/// the candidates are shuffled and taken while they keep <see cref="MinSpacing"/> from each other, up to one per
/// <see cref="LandCellsPerPoi"/> land cells. The kind follows the place: battlefields on borders between hostile
/// factions, shipwrecks on coasts, caves and dungeons in highlands, lairs where a dangerous species of the bestiary lives.
/// </summary>
public sealed partial class PoiStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "pois";

    /// <summary>Land cells per point of interest (the target count is land ÷ this).</summary>
    public const int LandCellsPerPoi = 1000;

    /// <summary>The edge of the blocks candidates are drawn from, one per block.</summary>
    public const int GridSize = 16;

    /// <summary>The least distance from a point of interest to any settlement, in cells.</summary>
    public const int MinSettlementDistance = 6;

    /// <summary>The least distance between two points of interest, in cells.</summary>
    public const int MinSpacing = 8;

    /// <summary>The share of land cells (percent, from the bottom) lower than any highland cell.</summary>
    public const int HighlandPercentile = 70;

    /// <summary>The least threat of a species that keeps a lair: hares and deer do not make quest hooks.</summary>
    public const int MinLairThreat = 3;

    private const int CoastReach = 2;
    private static readonly int[] BorderReach = [4, 8, 12];
    private static readonly (int Dx, int Dy)[] Compass = [(0, -10), (7, -7), (10, 0), (7, 7), (0, 10), (-7, 7), (-10, 0), (-7, -7)];

    /// <summary>Every kind, in the order their weights are summed.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["ruin", "dungeon", "lair", "shrine", "cave", "tower", "battlefield", "shipwreck"];

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        var map = ForgeWorld.Require(world.Heightmap, "heightmap");
        var biomes = ForgeWorld.Require(world.Biomes, "biome");
        var people = new Peopling(world);
        // A world without people has nobody to tell a quest hook: no points of interest.
        world.PointsOfInterest = people.Hosts.Count == 0 ? [] : Generate(world, map, biomes, people, rng);
    }

    /// <summary>The elevation at or above which a land cell counts as highland: the <see cref="HighlandPercentile"/>th percentile of land.</summary>
    public static int HighlandElevation(Heightmap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var bins = new int[256];
        var land = 0;
        foreach (var h in map.Cells)
        {
            if (h > map.SeaLevel)
            {
                bins[h >> 8]++;
                land++;
            }
        }

        var below = 0L;
        for (var b = 0; b < bins.Length; b++)
        {
            below += bins[b];
            if (below * 100 > (long)land * HighlandPercentile)
            {
                return Math.Max(map.SeaLevel + 1, b << 8);
            }
        }

        return 65536;
    }

    /// <summary>Whether water lies within <c>2</c> cells (square) of (<paramref name="x"/>, <paramref name="y"/>): where shipwrecks wash up.</summary>
    public static bool IsCoastal(Heightmap map, int x, int y)
    {
        ArgumentNullException.ThrowIfNull(map);
        for (var dy = -CoastReach; dy <= CoastReach; dy++)
        {
            for (var dx = -CoastReach; dx <= CoastReach; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < map.Width && ny < map.Height && !map.IsLand(nx, ny))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static PointOfInterest[] Generate(ForgeWorld world, Heightmap map, BiomeMap biomes, Peopling people, ChaChaRng rng)
    {
        var sites = Place(map, biomes, people, rng);
        var highland = HighlandElevation(map);
        var borders = new Borders(world);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pois = new PointOfInterest[sites.Count];
        Span<int> weights = stackalloc int[Kinds.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            var at = sites[i];
            var biome = biomes[at.X, at.Y];
            var lairs = world.Bestiary.Where(s => s.Threat >= MinLairThreat && s.Biomes.Contains(biome)).ToList();
            var enemy = borders.EnemyNear(at);
            var high = map[at.X, at.Y] >= highland || biome == Biome.Alpine;
            weights[0] = 3;
            weights[1] = high ? 4 : 1;
            weights[2] = lairs.Count == 0 ? 0 : IsWild(biome) ? 5 : 2;
            weights[3] = 2;
            weights[4] = high ? 5 : 0;
            weights[5] = 2;
            weights[6] = enemy is null ? 0 : 8;
            weights[7] = IsCoastal(map, at.X, at.Y) ? 6 : 0;
            var kind = Kinds[Weighted(weights, rng)];
            var species = kind == "lair" ? lairs[rng.NextInt(lairs.Count)] : null;
            pois[i] = Describe(i + 1, kind, at, species, enemy, world, people, names, rng);
        }

        return pois;
    }

    /// <summary>The chosen cells, row-major.</summary>
    private static List<GridPoint> Place(Heightmap map, BiomeMap biomes, Peopling people, ChaChaRng rng)
    {
        int width = map.Width, height = map.Height;
        var target = map.CountLand() / LandCellsPerPoi;
        if (target == 0 && map.CountLand() > 0)
        {
            target = 1;
        }

        var candidates = new List<GridPoint>();
        Span<int> nearest = stackalloc int[1];
        const long minSettlement2 = (long)MinSettlementDistance * MinSettlementDistance;
        for (var by = 0; by < height; by += GridSize)
        {
            for (var bx = 0; bx < width; bx += GridSize)
            {
                // Two draws per block whatever the cell, so a change in one block never shifts another's numbers.
                var at = new GridPoint(bx + rng.NextInt(Math.Min(GridSize, width - bx)), by + rng.NextInt(Math.Min(GridSize, height - by)));
                if (at.X == 0 || at.Y == 0 || at.X == width - 1 || at.Y == height - 1 || !map.IsLand(at.X, at.Y) || BiomeNames.IsWater(biomes[at.X, at.Y]))
                {
                    continue;
                }

                if (people.Index.Nearest(at, nearest) == 1 && SettlementIndex.DistanceSquared(at, people.Hosts[nearest[0]].Location) >= minSettlement2)
                {
                    candidates.Add(at);
                }
            }
        }

        for (var i = candidates.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }

        // At most one candidate per block, so spacing only needs the eight blocks around.
        int columns = ((width - 1) / GridSize) + 1, rows = ((height - 1) / GridSize) + 1;
        var taken = new GridPoint?[columns * rows];
        var chosen = new List<GridPoint>();
        const long minSpacing2 = (long)MinSpacing * MinSpacing;
        foreach (var at in candidates)
        {
            if (chosen.Count == target)
            {
                break;
            }

            int cx = at.X / GridSize, cy = at.Y / GridSize;
            var clear = true;
            for (var y = Math.Max(0, cy - 1); y <= Math.Min(rows - 1, cy + 1) && clear; y++)
            {
                for (var x = Math.Max(0, cx - 1); x <= Math.Min(columns - 1, cx + 1) && clear; x++)
                {
                    clear = taken[(y * columns) + x] is not { } other || SettlementIndex.DistanceSquared(at, other) >= minSpacing2;
                }
            }

            if (clear)
            {
                taken[(cy * columns) + cx] = at;
                chosen.Add(at);
            }
        }

        chosen.Sort((a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X));
        return chosen;
    }

    private static bool IsWild(Biome biome) => biome is Biome.Snow or Biome.Tundra or Biome.Taiga or Biome.TemperateForest
        or Biome.TemperateRainforest or Biome.Desert or Biome.TropicalForest or Biome.TropicalRainforest or Biome.Wetland or Biome.Alpine;

    private static int Weighted(ReadOnlySpan<int> weights, ChaChaRng rng)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = rng.NextInt(total);
        var pick = 0;
        while (roll >= weights[pick])
        {
            roll -= weights[pick++];
        }

        return pick;
    }

    /// <summary>Who holds which land, and which factions are hostile (at war or rivals), for finding battlefields.</summary>
    private sealed class Borders
    {
        private readonly RegionMap? _regions;
        private readonly int[] _factionOfRegion;
        private readonly bool[] _hostile;
        private readonly IReadOnlyList<Faction> _factions;

        public Borders(ForgeWorld world)
        {
            _regions = world.RegionMap;
            _factions = world.Factions;
            var factionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var f = 0; f < _factions.Count; f++)
            {
                factionIndex[_factions[f].Id] = f;
            }

            _factionOfRegion = new int[world.Regions.Count + 1];
            _factionOfRegion[0] = -1;
            for (var r = 0; r < world.Regions.Count; r++)
            {
                _factionOfRegion[r + 1] = factionIndex.GetValueOrDefault(world.Regions[r].FactionId, -1);
            }

            _hostile = new bool[_factions.Count * _factions.Count];
            for (var f = 0; f < _factions.Count; f++)
            {
                foreach (var relation in _factions[f].Relations)
                {
                    if (relation.Stance is "war" or "rival" && factionIndex.TryGetValue(relation.FactionId, out var g))
                    {
                        _hostile[(f * _factions.Count) + g] = true;
                        _hostile[(g * _factions.Count) + f] = true;
                    }
                }
            }
        }

        /// <summary>A faction hostile to the holder of <paramref name="at"/> whose land lies within 12 cells (eight directions, three reaches, in that order), or null.</summary>
        public Faction? EnemyNear(GridPoint at)
        {
            if (_regions is null || FactionAt(at.X, at.Y) is not (>= 0 and var own))
            {
                return null;
            }

            foreach (var reach in BorderReach)
            {
                foreach (var (dx, dy) in Compass)
                {
                    int x = at.X + (dx * reach / 10), y = at.Y + (dy * reach / 10);
                    if (FactionAt(x, y) is >= 0 and var other && _hostile[(own * _factions.Count) + other])
                    {
                        return _factions[other];
                    }
                }
            }

            return null;
        }

        private int FactionAt(int x, int y)
        {
            if (x < 0 || y < 0 || x >= _regions!.Width || y >= _regions.Height)
            {
                return -1;
            }

            var region = _regions[x, y];
            return region > 0 && region < _factionOfRegion.Length ? _factionOfRegion[region] : -1;
        }
    }
}
