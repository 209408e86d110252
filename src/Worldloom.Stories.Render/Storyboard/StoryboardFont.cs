using SkiaSharp;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// The typeface of subtitles and captions, loaded from a file: the Linux native assets carry no fontconfig, so a
/// family name would silently draw nothing. DejaVu Sans (Debian fonts-dejavu-core) covers Latin, Greek and Cyrillic.
/// A missing font fails the render with the package to install instead of producing a film without words.
/// </summary>
internal static class StoryboardFont
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<SKTypeface> Loaded = new(Load);

    public static SKTypeface Typeface => Loaded.Value;

    private static SKTypeface Load()
    {
        foreach (var path in Candidates)
        {
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } typeface)
            {
                return typeface;
            }
        }

        throw new InvalidOperationException(
            $"The storyboard font DejaVu Sans was not found (looked in {string.Join(", ", Candidates)}); install the Debian package fonts-dejavu-core.");
    }
}
