namespace Worldloom.Forge.Core.Rendering;

/// <summary>An 8-bit RGBA raster, row-major from the top-left, 4 bytes per pixel (red, green, blue, alpha).</summary>
public sealed class RgbaImage
{
    private readonly byte[] _pixels;

    /// <summary>A fully transparent image of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public RgbaImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _pixels = new byte[checked(width * height * 4)];
    }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>The RGBA bytes, row-major.</summary>
    public Span<byte> Pixels => _pixels;

    /// <summary>The backing array, for the renderer's parallel rows (a span cannot cross into a lambda).</summary>
    internal byte[] Buffer => _pixels;

    /// <summary>The pixel at (<paramref name="x"/>, <paramref name="y"/>) as 0xRRGGBBAA.</summary>
    public uint this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return ((uint)_pixels[i] << 24) | ((uint)_pixels[i + 1] << 16) | ((uint)_pixels[i + 2] << 8) | _pixels[i + 3];
        }
    }

    /// <summary>Red, green, blue and alpha of the pixel at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (byte R, byte G, byte B, byte A) At(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]);
    }
}
