using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines;

/// <summary>
/// The tileset image tile-based exports share: one <see cref="TileSize"/>-pixel square per biome in a single row, tile
/// index = biome number, in the map's biome colours with a light stipple so tiles read as terrain, not flat swatches.
/// </summary>
public sealed class BiomeTileset
{
    /// <summary>Pixels per tile side.</summary>
    public const int TileSize = 16;

    private BiomeTileset(byte[] png, int count)
    {
        Png = png;
        Count = count;
    }

    /// <summary>The image as PNG (RGBA), <see cref="ImageWidth"/> × <see cref="ImageHeight"/>.</summary>
    public byte[] Png { get; }

    /// <summary>Number of tiles (one per biome).</summary>
    public int Count { get; }

    /// <summary>Tiles per row: all of them.</summary>
    public int Columns => Count;

    /// <summary>Image width in pixels.</summary>
    public int ImageWidth => Count * TileSize;

    /// <summary>Image height in pixels.</summary>
    public static int ImageHeight => TileSize;

    /// <summary>The biome's colour as 0xRRGGBB.</summary>
    public static int Colour(Biome biome) => BiomeColours.Of(biome);

    internal static BiomeTileset Create()
    {
        var count = BiomeNames.All.Count;
        var image = new RgbaImage(count * TileSize, TileSize);
        var pixels = image.Pixels;
        for (var tile = 0; tile < count; tile++)
        {
            var colour = BiomeColours.Of((Biome)tile);
            for (var y = 0; y < TileSize; y++)
            {
                for (var x = 0; x < TileSize; x++)
                {
                    // A fixed stipple, a little darker, the same on every tile.
                    var shade = ((x * 7) + (y * 13)) % 11 == 0 ? 224 : 256;
                    var i = ((y * image.Width) + (tile * TileSize) + x) * 4;
                    pixels[i] = (byte)((((colour >> 16) & 0xFF) * shade) >> 8);
                    pixels[i + 1] = (byte)((((colour >> 8) & 0xFF) * shade) >> 8);
                    pixels[i + 2] = (byte)(((colour & 0xFF) * shade) >> 8);
                    pixels[i + 3] = 255;
                }
            }
        }

        return new BiomeTileset(PngEncoder.Encode(image), count);
    }
}
