using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Rendering;

/// <summary>The maps' biome colours for other renderers (exported tilesets, engine materials), so every picture agrees.</summary>
public static class BiomeColours
{
    /// <summary>The colour of <paramref name="biome"/> as 0xRRGGBB.</summary>
    public static int Of(Biome biome)
    {
        var c = MapPalette.Biome((byte)biome);
        return (c.R << 16) | (c.G << 8) | c.B;
    }
}
