namespace Worldloom.Forge.Core.Rendering;

/// <summary>An opaque colour with integer channels 0–255, and the integer blends the renderer uses (weights out of 256).</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
internal readonly record struct Rgb(int R, int G, int B)
{
    /// <summary>The colour 0xRRGGBB.</summary>
    public static Rgb FromHex(int hex) => new((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF);

    /// <summary>From this colour towards <paramref name="other"/> by <paramref name="t"/>/256.</summary>
    public Rgb Mix(Rgb other, int t) => new(R + (((other.R - R) * t) >> 8), G + (((other.G - G) * t) >> 8), B + (((other.B - B) * t) >> 8));

    /// <summary>Every channel times <paramref name="factor"/>/256, clamped to 0–255.</summary>
    public Rgb Scale(int factor) => new(Clamp((R * factor) >> 8), Clamp((G * factor) >> 8), Clamp((B * factor) >> 8));

    /// <summary>Towards grey (the channel mean) by <paramref name="t"/>/256: desaturation.</summary>
    public Rgb Desaturate(int t)
    {
        var grey = (R + G + B) / 3;
        return Mix(new Rgb(grey, grey, grey), t);
    }

    private static int Clamp(int v) => v < 0 ? 0 : v > 255 ? 255 : v;
}
