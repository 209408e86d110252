using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// The pictures the sprites hold. GameMaker treats tile 0 of every tileset as the empty tile, so the biome image here
/// is the shared tileset's (same colours, same stipple) shifted one tile right behind a transparent tile: biome b is
/// tile b + 1.
/// </summary>
internal static class GameMakerImages
{
    public const int MarkerSize = 16;

    public static RgbaImage Tileset()
    {
        var size = BiomeTileset.TileSize;
        var count = BiomeNames.All.Count;
        var image = new RgbaImage((count + 1) * size, size);
        var pixels = image.Pixels;
        for (var biome = 0; biome < count; biome++)
        {
            var colour = BiomeTileset.Colour((Biome)biome);
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var shade = ((x * 7) + (y * 13)) % 11 == 0 ? 224 : 256;
                    Set(pixels, (((y * image.Width) + ((biome + 1) * size) + x) * 4), colour, shade);
                }
            }
        }

        return image;
    }

    /// <summary>A settlement marker: a dark red disc with a light rim.</summary>
    public static RgbaImage Settlement() => Marker(inside: (dx, dy) => (dx * dx) + (dy * dy) <= 13 * 13, fill: 0x9B1B1B);

    /// <summary>A point-of-interest marker: a gold diamond with a light rim.</summary>
    public static RgbaImage Poi() => Marker(inside: (dx, dy) => Math.Abs(dx) + Math.Abs(dy) <= 14, fill: 0xD4A017);

    // Offsets from the centre are in half pixels (odd numbers), so shapes are symmetric on an even-sized image; a
    // pixel is rim when its outward neighbour (two half pixels on) is outside.
    private static RgbaImage Marker(Func<int, int, bool> inside, int fill)
    {
        var image = new RgbaImage(MarkerSize, MarkerSize);
        for (var y = 0; y < MarkerSize; y++)
        {
            for (var x = 0; x < MarkerSize; x++)
            {
                int dx = (2 * x) + 1 - MarkerSize, dy = (2 * y) + 1 - MarkerSize;
                if (inside(dx, dy))
                {
                    var rim = !inside(dx + (2 * Math.Sign(dx)), dy) || !inside(dx, dy + (2 * Math.Sign(dy)));
                    Set(image.Pixels, ((y * MarkerSize) + x) * 4, rim ? 0xF2EEE4 : fill, 256);
                }
            }
        }

        return image;
    }

    private static void Set(Span<byte> pixels, int at, int colour, int shade)
    {
        pixels[at] = (byte)((((colour >> 16) & 0xFF) * shade) >> 8);
        pixels[at + 1] = (byte)((((colour >> 8) & 0xFF) * shade) >> 8);
        pixels[at + 2] = (byte)(((colour & 0xFF) * shade) >> 8);
        pixels[at + 3] = 255;
    }
}
