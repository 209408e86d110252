using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Unity;

/// <summary>
/// Unity's splat maps: the eight <see cref="BiomeGroups"/> as the R, G, B and A channels of two RGBA images
/// (<c>Terrain/splat_0.png</c>: water, sand, grass, forest; <c>splat_1.png</c>: rock, snow, desert, wetland), north
/// row at the top. A pixel's eight channels together sum to 255.
/// </summary>
internal sealed class UnitySplatMaps
{
    /// <summary>Layers per image.</summary>
    public const int ChannelsPerImage = 4;

    /// <summary>Images.</summary>
    public const int Images = BiomeGroups.Count / ChannelsPerImage;

    // Alphamaps cost the importer resolution² × 8 floats; 2048 keeps that near 128 MB for the largest worlds.
    private const int MaxResolution = 2048;

    public UnitySplatMaps(int heightmapResolution)
    {
        Resolution = Math.Min(heightmapResolution - 1, MaxResolution);
    }

    /// <summary>Pixels per side: a power of two, as Unity's alphamaps must be.</summary>
    public int Resolution { get; }

    /// <summary>The path of image <paramref name="index"/>.</summary>
    public static string PathOf(int index) => $"Terrain/splat_{index}.png";

    /// <summary>The images as PNG, in index order.</summary>
    public byte[][] Encode(ExportSource source)
    {
        var n = Resolution;
        var planes = BiomeWeights.Sample(source.Biomes, n, n);
        var images = new byte[Images][];
        var rgba = new byte[n * n * ChannelsPerImage];
        for (var image = 0; image < Images; image++)
        {
            for (var channel = 0; channel < ChannelsPerImage; channel++)
            {
                var plane = planes[(image * ChannelsPerImage) + channel];
                for (var i = 0; i < plane.Length; i++)
                {
                    rgba[(i * ChannelsPerImage) + channel] = plane[i];
                }
            }

            images[image] = PngEncoder.EncodeRgba(n, n, rgba);
        }

        return images;
    }
}
