using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Terrain;

/// <summary>
/// The eight terrain layers 3D engines paint (Unity splat channels, Unreal weight layers): seventeen biomes are more
/// layers than a terrain shader wants, and two splat images of four channels hold exactly eight.
/// </summary>
internal static class BiomeGroups
{
    /// <summary>How many groups there are.</summary>
    public const int Count = 8;

    /// <summary>Group names, index = group.</summary>
    public static readonly IReadOnlyList<string> Names = ["water", "sand", "grass", "forest", "rock", "snow", "desert", "wetland"];

    // Index = biome byte. Sea ice paints as snow; cold and dry open land (tundra, shrubland, savanna) as grass.
    private static readonly byte[] ByBiome = [0, 0, 5, 1, 5, 2, 3, 2, 2, 3, 3, 6, 2, 3, 3, 7, 4];

    // The biome whose colour stands for each group.
    private static readonly Biome[] Representative =
    [
        Biome.ShallowSea, Biome.Beach, Biome.Grassland, Biome.TemperateForest, Biome.Alpine, Biome.Snow, Biome.Desert, Biome.Wetland,
    ];

    /// <summary>The group <paramref name="biome"/> paints as.</summary>
    public static int Of(Biome biome) => ByBiome[(int)biome];

    /// <summary>The group's colour as 0xRRGGBB: the map colour of its most typical biome.</summary>
    public static int Colour(int group) => BiomeTileset.Colour(Representative[group]);
}
