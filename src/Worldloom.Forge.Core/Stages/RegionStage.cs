using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages.Settling;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Divides the land into regions and the regions among factions. Regions grow from their seats (every town and
/// city, and the largest settlement of a landmass that has neither) over the terrain cost, so mountains and rivers
/// slow them and borders settle there; a landmass with no settlement becomes one wild region. Factions start from
/// capitals among the biggest settlements, kept apart, and take regions by growing over the region adjacency graph;
/// regions on landmasses without a capital go to the nearest capital. Finally every settlement learns its region
/// and faction. Draws from its stream in this order: region names (region order), faction names (faction order),
/// then standings (pairs in faction order).
/// </summary>
public sealed class RegionStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "regions";

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        var land = LandGrid.Of(world, StreamName);
        var settlements = world.Settlements;
        int width = world.Width, height = world.Height;

        var seats = Seats(settlements, land);
        var cells = Territory.Grow(
            TerrainCost.ForRegions(world, land), width, height,
            seats.Select((s, i) => (CellOf(settlements[s].Location, width), i + 1)).ToList());

        // Landmasses no seat reached (those without settlements) each become one more region, in label order.
        var wildOf = new int[land.Count + 1];
        var wildLabels = new List<int>();
        for (var i = 0; i < cells.Length; i++)
        {
            var label = land.Labels[i];
            if (label != 0 && cells[i] == 0)
            {
                if (wildOf[label] == 0)
                {
                    wildLabels.Add(label);
                    wildOf[label] = seats.Count + wildLabels.Count;
                }

                cells[i] = wildOf[label];
            }
        }

        var regionCount = seats.Count + wildLabels.Count;
        var stats = RegionStats.Of(cells, world.Biomes!, width, regionCount);
        var adjacency = Territory.Adjacency(cells, width, height);
        var names = RegionNames(settlements, seats, stats, rng);

        var regionOfSettlement = settlements.Select(s => InBounds(s.Location, width, height) ? cells[CellOf(s.Location, width)] : 0).ToArray();
        var factions = FactionMap.Draw(world, settlements, regionOfSettlement, land.LandCells, stats, seats, adjacency, regionCount, rng);

        var regions = new List<Region>(regionCount);
        for (var r = 1; r <= regionCount; r++)
        {
            var faction = factions.RegionFaction[r];
            regions.Add(new Region(
                RegionId(r), names[r - 1], r <= seats.Count ? settlements[seats[r - 1]].Id : string.Empty,
                faction >= 0 ? factions.Factions[faction].Id : string.Empty, stats.Biome(r), stats.Cells[r]));
        }

        world.RegionMap = new RegionMap(width, height, cells);
        world.Regions = regions;
        world.Factions = factions.Factions;
        world.Settlements = settlements.Select((s, i) =>
        {
            var r = regionOfSettlement[i];
            var faction = r > 0 ? factions.RegionFaction[r] : -1;
            return s with
            {
                RegionId = r > 0 ? RegionId(r) : null,
                FactionId = faction >= 0 ? factions.Factions[faction].Id : null,
                IsCapital = faction >= 0 && factions.Factions[faction].CapitalId == s.Id,
            };
        }).ToList();
    }

    /// <summary>The word for a standing: war ≤ −60, rival ≤ −20, neutral &lt; 20, friendly &lt; 60, allied ≥ 60.</summary>
    public static string StanceOf(int standing) => Heraldry.Stance(standing);

    private static string RegionId(int index) => $"region-{index}";

    private static int CellOf(GridPoint p, int width) => (p.Y * width) + p.X;

    private static bool InBounds(GridPoint p, int width, int height) => (uint)p.X < (uint)width && (uint)p.Y < (uint)height;

    // Towns and cities, plus the largest settlement (population, then lower index) of any landmass with neither;
    // settlements off dry land are skipped. Returned in settlement order, which is region order.
    private static List<int> Seats(IReadOnlyList<Settlement> settlements, LandGrid land)
    {
        var best = new int[land.Count + 1];
        Array.Fill(best, -1);
        var hasSeat = new bool[land.Count + 1];
        var isSeat = new bool[settlements.Count];
        for (var i = 0; i < settlements.Count; i++)
        {
            var s = settlements[i];
            var label = InBounds(s.Location, land.Width, land.Height) ? land.Labels[CellOf(s.Location, land.Width)] : 0;
            if (label == 0)
            {
                continue;
            }

            if (s.Size >= SettlementSize.Town)
            {
                isSeat[i] = true;
                hasSeat[label] = true;
            }

            if (best[label] < 0 || s.Population > settlements[best[label]].Population)
            {
                best[label] = i;
            }
        }

        for (var label = 1; label <= land.Count; label++)
        {
            if (!hasSeat[label] && best[label] >= 0)
            {
                isSeat[best[label]] = true;
            }
        }

        return Enumerable.Range(0, settlements.Count).Where(i => isSeat[i]).ToList();
    }

    private static List<string> RegionNames(IReadOnlyList<Settlement> settlements, List<int> seats, RegionStats stats, ChaChaRng rng)
    {
        // Region names stay clear of settlement names too, so a name on the map means one thing.
        var used = new HashSet<string>(settlements.Select(s => s.Name), StringComparer.Ordinal);
        var names = new List<string>(stats.Cells.Length - 1);
        for (var r = 1; r < stats.Cells.Length; r++)
        {
            if (r <= seats.Count)
            {
                var seat = settlements[seats[r - 1]];
                var culture = Cultures.Find(seat.Culture) ?? Cultures.Imperial;
                names.Add(NameGenerator.Unique(used, () => Heraldry.SeatRegionName(culture, seat.Name, rng)));
            }
            else
            {
                var culture = Cultures.ForSite(stats.Biome(r), coastal: true, elevated: false);
                var cells = stats.Cells[r];
                names.Add(NameGenerator.Unique(used, () => Heraldry.WildName(culture, cells, rng)));
            }
        }

        return names;
    }
}
