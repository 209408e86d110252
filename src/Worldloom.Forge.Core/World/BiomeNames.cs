namespace Worldloom.Forge.Core.World;

/// <summary>The snake_case names of <see cref="Biome"/> values as the API, CLI, scripts and canonical JSON write them.</summary>
public static class BiomeNames
{
    private static readonly string[] Names =
    [
        "ocean", "shallow_sea", "sea_ice", "beach", "snow", "tundra", "taiga", "grassland", "shrubland",
        "temperate_forest", "temperate_rainforest", "desert", "savanna", "tropical_forest", "tropical_rainforest",
        "wetland", "alpine",
    ];

    /// <summary>Every name, in enum order (index = byte value).</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of <paramref name="biome"/>.</summary>
    public static string ToName(Biome biome) =>
        (uint)biome < (uint)Names.Length ? Names[(int)biome] : throw new ArgumentOutOfRangeException(nameof(biome), biome, "Unknown biome.");

    /// <summary>Parses a wire name (exact, case-sensitive).</summary>
    public static bool TryParse(string? name, out Biome biome)
    {
        var index = Array.IndexOf(Names, name);
        biome = index < 0 ? default : (Biome)index;
        return index >= 0;
    }

    /// <summary>Whether <paramref name="biome"/> is water (ocean, shallow sea or sea ice).</summary>
    public static bool IsWater(Biome biome) => biome is Biome.Ocean or Biome.ShallowSea or Biome.SeaIce;
}
