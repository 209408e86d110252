using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// What it costs to enter each cell on foot, as an integer (0 = impassable water): a plain cell is
/// <see cref="Plain"/>, and biome, slope and rivers add to it. Roads and region borders both follow it, each with
/// its own weights: a road tolerates a bridge, a border likes to sit on a river or a ridge.
/// </summary>
internal static class TerrainCost
{
    /// <summary>Cost of entering a flat, open cell.</summary>
    public const int Plain = 10;

    // Extra cost for travellers by biome byte: marsh, thick forest, sand and ice slow a road.
    private static readonly int[] RoadBiome =
    [
        0, 0, 0, // water never reaches here
        2, // beach
        15, // snow
        3, // tundra
        5, // taiga
        0, // grassland
        1, // shrubland
        4, // temperate forest
        8, // temperate rainforest
        6, // desert
        0, // savanna
        8, // tropical forest
        12, // tropical rainforest
        15, // wetland
        12, // alpine
    ];

    // Extra cost for a spreading territory: high ground and wild country hold it back, so borders run along them.
    private static readonly int[] RegionBiome =
    [
        0, 0, 0,
        0, // beach
        40, // snow
        6, // tundra
        6, // taiga
        0, // grassland
        2, // shrubland
        4, // temperate forest
        8, // temperate rainforest
        10, // desert
        0, // savanna
        8, // tropical forest
        12, // tropical rainforest
        15, // wetland
        30, // alpine
    ];

    /// <summary>Costs for road building: plain + biome + grade / 2 + 30 on a river cell (a bridge).</summary>
    public static int[] ForRoads(ForgeWorld world, LandGrid land) => Build(world, land, RoadBiome, 2, 30);

    /// <summary>Costs for growing regions: plain + biome + grade + 60 on a river cell, so rivers make borders.</summary>
    public static int[] ForRegions(ForgeWorld world, LandGrid land) => Build(world, land, RegionBiome, 1, 60);

    private static int[] Build(ForgeWorld world, LandGrid land, int[] biomeCost, int gradeDivisor, int riverCost)
    {
        var grades = Relief.Grades(world.Heightmap!);
        var rivers = Relief.RiverFlow(world.Hydrology!, land);
        var biomes = world.Biomes!;
        var kinds = land.Kinds;
        var costs = new int[kinds.Length];
        var cells = biomes.Cells;
        for (var i = 0; i < costs.Length; i++)
        {
            if (kinds[i] != LandGrid.Land)
            {
                continue;
            }

            var biome = cells[i];
            costs[i] = Plain + (biome < biomeCost.Length ? biomeCost[biome] : 0) + Math.Min(grades[i] / gradeDivisor, 200)
                + (rivers[i] != 0 ? riverCost : 0);
        }

        return costs;
    }
}
