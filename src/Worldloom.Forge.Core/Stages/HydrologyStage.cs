using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Where water goes. A <see cref="PriorityFlood"/> from the coast fills every depression to its spill level; each land
/// cell then drains to its steepest lower 8-neighbour on that filled surface (D8; diagonal drops weigh 70/99; ties: the
/// first in N, W, E, S, NW, NE, SW, SE order), or along the flood tree where that surface is flat, and a cell under
/// water drains straight to its depression's outlet (<see cref="Depressions"/>). Flow (catchment size) and runoff (the
/// same, each cell weighted by its moisture) accumulate down those links, walking the flood order backwards.
/// Depressions big enough, or fed by a river, become lakes, and cells with runoff above a threshold that scales with
/// map area become rivers (<see cref="RiverTracer"/>). A lake passes all its water on at its outlet, so a river that
/// flows into a lake has a river flowing on from the outlet. Rivers never rise on the original heightmap, which this
/// stage only reads. O(n log n) for the flood, linear for the rest.
/// </summary>
public sealed class HydrologyStage : IWorldStage
{
    /// <summary>The name of this stage's random stream (it draws only names).</summary>
    public const string StreamName = "hydrology";

    /// <summary>A river needs a catchment of at least 1/this of the map's cells (runoff-weighted, see <see cref="RiverRunoff"/>).</summary>
    public const int RiverCatchmentDivisor = 200;

    /// <summary>Depressions this many elevation units deep or more can be lakes without a river.</summary>
    public const int MinLakeDepthUnits = 600;

    // Runoff per cell is this plus the cell's moisture (0–100), so wet land feeds rivers up to six times faster than dry.
    private const int RunoffBase = 5;

    // Roughly the runoff of an average cell, to turn a catchment in cells into a runoff threshold.
    private const int TypicalRunoff = 60;

    // Orthogonal and diagonal weights of a drop when comparing slopes: 99/70 ≈ √2.
    private const int OrthogonalWeight = 99;
    private const int DiagonalWeight = 70;

    /// <inheritdoc />
    public string Name => StreamName;

    /// <summary>The runoff a cell must collect to be a river on a <paramref name="width"/> × <paramref name="height"/> map.</summary>
    public static long RiverRunoff(int width, int height) =>
        (long)Math.Max(8, width * height / RiverCatchmentDivisor) * TypicalRunoff;

    /// <summary>Cells a depression needs to be a lake without a river: 1/16384 of the map, at least 4.</summary>
    public static int MinLakeCells(int width, int height) => Math.Max(6, width * height / 8192);

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        world.Hydrology = Generate(
            ForgeWorld.Require(world.Heightmap, HeightmapStage.StreamName),
            ForgeWorld.Require(world.Climate, ClimateStage.StreamName),
            ForgeWorld.Require(world.Biomes, BiomeStage.StreamName),
            rng);
    }

    /// <summary>
    /// The hydrology of <paramref name="heightmap"/>; <paramref name="climate"/> weights runoff, <paramref name="biomes"/>
    /// picks the naming cultures, and <paramref name="rng"/> draws the names (lakes in id order, then rivers).
    /// </summary>
    public static Hydrology Generate(Heightmap heightmap, ClimateMap climate, BiomeMap biomes, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(heightmap);
        ArgumentNullException.ThrowIfNull(climate);
        ArgumentNullException.ThrowIfNull(biomes);
        ArgumentNullException.ThrowIfNull(rng);
        int width = heightmap.Width, height = heightmap.Height;
        if (climate.Width != width || climate.Height != height || biomes.Width != width || biomes.Height != height)
        {
            throw new ArgumentException("The climate and biome maps must be the size of the heightmap.");
        }

        var cells = heightmap.Cells.ToArray();
        int sea = heightmap.SeaLevel;
        var flood = PriorityFlood.Run(cells, width, height, sea);
        var depressions = Depressions.Find(cells, width, height, sea, flood);
        var receiver = Receivers(cells, width, height, sea, flood, depressions);

        var n = cells.Length;
        var flow = new int[n];
        var runoff = new int[n];
        var moisture = climate.Moisture;
        foreach (var c in flood.Order)
        {
            flow[c] = 1;
            runoff[c] = RunoffBase + moisture[c];
        }

        // Backwards along the flood order every cell comes before the cell it drains to; the sea keeps 0.
        for (var k = flood.Order.Length - 1; k >= 0; k--)
        {
            var c = flood.Order[k];
            var down = receiver[c];
            if (down >= 0 && cells[down] > sea)
            {
                flow[down] += flow[c];
                runoff[down] += runoff[c];
            }
        }

        var riverRunoff = RiverRunoff(width, height);
        var lakeIndex = new int[n];
        var foundLakes = depressions.SelectLakes(cells, width, runoff, MinLakeCells(width, height), MinLakeDepthUnits, riverRunoff, lakeIndex);
        var traced = RiverTracer.Trace(receiver, flow, runoff, lakeIndex, cells, sea, riverRunoff);

        var used = new HashSet<string>(StringComparer.Ordinal);
        var lakes = new List<Lake>(foundLakes.Count);
        foreach (var found in foundLakes)
        {
            var culture = CultureAt(found.Centre.X + (found.Centre.Y * width), coastal: false);
            var name = NameGenerator.Unique(used, () => "Lake " + NameGenerator.PlaceName(culture, rng));
            lakes.Add(new Lake($"lake-{lakes.Count + 1}", name, found.Centre, found.Cells, found.Surface));
        }

        var rivers = new List<River>(traced.Count);
        foreach (var river in traced)
        {
            // Named for the land where it ends: its last own cell, which is the one before the mouth.
            var culture = CultureAt(river.Path[^2], coastal: river.Mouth == RiverMouth.Sea);
            var name = NameGenerator.Unique(used, () => NameGenerator.PlaceName(culture, rng) + " River");
            var path = Array.ConvertAll(river.Path, c => new GridPoint(c % width, c / width));
            var lakeId = river.Mouth == RiverMouth.Lake ? lakes[river.LakeIndex - 1].Id : null;
            rivers.Add(new River($"river-{rivers.Count + 1}", name, path, river.Mouth, lakeId, river.Flow));
        }

        return new Hydrology(width, height, flow, lakeIndex, rivers, lakes);

        Culture CultureAt(int cell, bool coastal) =>
            Cultures.ForSite((Biome)biomes.Cells[cell], coastal, cells[cell] - sea >= BiomeStage.AlpineUnits / 2);
    }

    // Steepest descent on the filled surface, or the flood parent where there is none (flats); under water, the
    // depression's outlet. The outlet left the flood queue before every cell of its depression, so walking the flood
    // order backwards still visits each cell before the one it drains to.
    private static int[] Receivers(ushort[] cells, int width, int height, int sea, PriorityFlood flood, Depressions depressions)
    {
        var level = flood.Level;
        var parent = flood.Parent;
        var receiver = new int[cells.Length];
        // Each cell's receiver reads only the finished flood, so computing rows in parallel changes no byte.
        Parallel.For(0, height, y =>
        {
            for (var x = 0; x < width; x++)
            {
                var c = (y * width) + x;
                if (cells[c] <= sea)
                {
                    receiver[c] = -1;
                    continue;
                }

                if (depressions.Component[c] != 0)
                {
                    receiver[c] = depressions.Outlet[depressions.Component[c] - 1];
                    continue;
                }

                var best = -1;
                long bestScore = 0;
                for (var k = 0; k < 8; k++)
                {
                    int nx = x + PriorityFlood.DeltaX[k], ny = y + PriorityFlood.DeltaY[k];
                    if ((uint)nx >= (uint)width || (uint)ny >= (uint)height)
                    {
                        continue;
                    }

                    var j = (ny * width) + nx;
                    var drop = level[c] - level[j];
                    var score = (long)drop * (k < 4 ? OrthogonalWeight : DiagonalWeight);
                    if (drop > 0 && score > bestScore)
                    {
                        best = j;
                        bestScore = score;
                    }
                }

                receiver[c] = best >= 0 ? best : parent[c];
            }
        });

        return receiver;
    }
}
