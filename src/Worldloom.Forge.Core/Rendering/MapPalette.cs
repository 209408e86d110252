using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Rendering;

/// <summary>
/// The colours of the maps: atlas-style hypsometric tints for land by height above the sea, blues by depth, a muted
/// palette per biome. Gradients are stops on a 0–1024 scale interpolated linearly in integers.
/// </summary>
internal static class MapPalette
{
    /// <summary>Land by height above sea level (0 = shore, 1024 = the top of the elevation range).</summary>
    private static readonly (int At, Rgb Colour)[] LandStops =
    [
        (0, new Rgb(96, 150, 90)),
        (40, new Rgb(120, 166, 100)),
        (110, new Rgb(162, 186, 118)),
        (190, new Rgb(206, 198, 140)),
        (270, new Rgb(198, 168, 120)),
        (350, new Rgb(170, 136, 100)),
        (420, new Rgb(146, 122, 104)),
        (480, new Rgb(154, 148, 144)),
        (540, new Rgb(218, 216, 214)),
        (600, new Rgb(248, 248, 250)),
        (1024, new Rgb(255, 255, 255)),
    ];

    /// <summary>Sea by depth below sea level (0 = surface, 1024 = the floor of the elevation range).</summary>
    private static readonly (int At, Rgb Colour)[] SeaStops =
    [
        (0, new Rgb(150, 200, 226)),
        (24, new Rgb(112, 174, 216)),
        (80, new Rgb(76, 138, 198)),
        (200, new Rgb(56, 110, 176)),
        (500, new Rgb(44, 92, 160)),
        (1024, new Rgb(30, 66, 128)),
    ];

    /// <summary>One colour per biome byte; water biomes are drawn by depth instead, except sea ice.</summary>
    private static readonly Rgb[] BiomeColours =
    [
        new(40, 86, 150), // ocean
        new(84, 146, 200), // shallow sea
        new(222, 234, 244), // sea ice
        new(226, 212, 164), // beach
        new(244, 246, 250), // snow
        new(170, 178, 150), // tundra
        new(78, 112, 84), // taiga
        new(156, 188, 102), // grassland
        new(180, 172, 116), // shrubland
        new(86, 142, 74), // temperate forest
        new(50, 114, 76), // temperate rainforest
        new(234, 208, 148), // desert
        new(204, 186, 104), // savanna
        new(92, 150, 62), // tropical forest
        new(36, 110, 58), // tropical rainforest
        new(104, 140, 118), // wetland
        new(156, 148, 142), // alpine
    ];

    /// <summary>Lake water.</summary>
    public static readonly Rgb Lake = new(86, 150, 206);

    /// <summary>River water.</summary>
    public static readonly Rgb River = new(46, 106, 190);

    /// <summary>Roads.</summary>
    public static readonly Rgb Road = new(112, 74, 44);

    /// <summary>Outlines of markers.</summary>
    public static readonly Rgb Ink = new(34, 30, 28);

    /// <summary>Marker fill.</summary>
    public static readonly Rgb Paper = new(252, 250, 244);

    /// <summary>Land no faction holds, on the political map.</summary>
    public static readonly Rgb Unclaimed = new(226, 220, 204);

    /// <summary>Shallow water on the political map.</summary>
    public static readonly Rgb PoliticalShallows = new(206, 224, 238);

    /// <summary>Deep water on the political map.</summary>
    public static readonly Rgb PoliticalDeep = new(168, 196, 224);

    /// <summary>The tint of land <paramref name="height"/> (0–1024) above the sea.</summary>
    public static Rgb Land(int height) => Gradient(LandStops, height);

    /// <summary>The blue of sea <paramref name="depth"/> (0–1024) deep.</summary>
    public static Rgb Sea(int depth) => Gradient(SeaStops, depth);

    /// <summary>The colour of <paramref name="biome"/>.</summary>
    public static Rgb Biome(byte biome) => biome < BiomeColours.Length ? BiomeColours[biome] : new Rgb(255, 0, 255);

    /// <summary>Whether a biome is drawn by depth (open water).</summary>
    public static bool IsOpenWater(byte biome) => biome is (byte)World.Biome.Ocean or (byte)World.Biome.ShallowSea;

    private static Rgb Gradient((int At, Rgb Colour)[] stops, int t)
    {
        if (t <= stops[0].At)
        {
            return stops[0].Colour;
        }

        for (var i = 1; i < stops.Length; i++)
        {
            if (t <= stops[i].At)
            {
                var (a, ca) = stops[i - 1];
                var (b, cb) = stops[i];
                return ca.Mix(cb, (t - a) * 256 / (b - a));
            }
        }

        return stops[^1].Colour;
    }
}
