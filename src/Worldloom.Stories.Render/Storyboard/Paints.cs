using SkiaSharp;
using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>Colour conversions and mixes the painters share.</summary>
internal static class Paints
{
    /// <summary>An 0xRRGGBB value as an opaque colour.</summary>
    public static SKColor Rgb(int hex) => new((byte)(hex >> 16), (byte)(hex >> 8), (byte)hex);

    /// <summary>The story colour <paramref name="name"/>, or <paramref name="fallback"/> when it is none.</summary>
    public static SKColor Story(string? name, SKColor fallback) => StoryColours.Find(name) is { } c ? Rgb(c.Hex) : fallback;

    /// <summary><paramref name="a"/> moved towards <paramref name="b"/> by <paramref name="t"/> (0..1).</summary>
    public static SKColor Mix(SKColor a, SKColor b, float t) => new(
        (byte)(a.Red + ((b.Red - a.Red) * t)),
        (byte)(a.Green + ((b.Green - a.Green) * t)),
        (byte)(a.Blue + ((b.Blue - a.Blue) * t)),
        (byte)(a.Alpha + ((b.Alpha - a.Alpha) * t)));

    /// <summary>A fill paint, antialiased.</summary>
    public static SKPaint Fill(SKColor colour) => new() { Color = colour, IsAntialias = true, Style = SKPaintStyle.Fill };

    /// <summary>A stroke paint, antialiased, with round caps.</summary>
    public static SKPaint Stroke(SKColor colour, float width) =>
        new() { Color = colour, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };
}
