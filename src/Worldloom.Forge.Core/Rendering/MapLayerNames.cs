namespace Worldloom.Forge.Core.Rendering;

/// <summary>The names of <see cref="MapLayer"/> values as the API and CLI spell them.</summary>
public static class MapLayerNames
{
    private static readonly string[] Names = ["height", "biomes", "rivers", "political", "settlements"];

    /// <summary>Every name, in enum order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of <paramref name="layer"/>.</summary>
    public static string ToName(MapLayer layer) =>
        (uint)layer < (uint)Names.Length ? Names[(int)layer] : throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown map layer.");

    /// <summary>Parses a wire name (exact, case-sensitive).</summary>
    public static bool TryParse(string? name, out MapLayer layer)
    {
        var index = Array.IndexOf(Names, name);
        layer = index < 0 ? default : (MapLayer)index;
        return index >= 0;
    }
}
