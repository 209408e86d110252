using SkiaSharp;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>Draws a shot's storyboard caption (top left) and its dialogue subtitle (bottom centre) in screen space.</summary>
internal static class CaptionPainter
{
    private const float SubtitleSize = 30f;
    private const float CaptionSize = 18f;
    private const int MaxSubtitleLines = 3;

    public static void Caption(SKCanvas canvas, string text)
    {
        using var font = new SKFont(StoryboardFont.Typeface, CaptionSize);
        using var ink = Paints.Fill(new SKColor(255, 255, 255, 220));
        using var back = Paints.Fill(new SKColor(0, 0, 0, 110));
        var lines = Wrap(text, font, Stage.Width * 0.55f, 2);
        var height = (lines.Count * CaptionSize * 1.3f) + 14;
        var width = lines.Max(l => font.MeasureText(l)) + 24;
        canvas.DrawRoundRect(16, 16, width, height, 8, 8, back);
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], 28, 16 + 7 + ((i + 1) * CaptionSize * 1.3f) - 5, SKTextAlign.Left, font, ink);
        }
    }

    public static void Subtitle(SKCanvas canvas, string speaker, string text)
    {
        using var font = new SKFont(StoryboardFont.Typeface, SubtitleSize);
        using var ink = Paints.Fill(SKColors.White);
        using var name = Paints.Fill(new SKColor(255, 220, 140));
        using var back = Paints.Fill(new SKColor(0, 0, 0, 160));
        var lines = Wrap($"{speaker}: {text}", font, Stage.Width * 0.8f, MaxSubtitleLines);
        var lineHeight = SubtitleSize * 1.3f;
        var width = lines.Max(l => font.MeasureText(l)) + 40;
        var top = Stage.Height - 24 - (lines.Count * lineHeight) - 16;
        canvas.DrawRoundRect((Stage.Width - width) / 2, top, width, (lines.Count * lineHeight) + 16, 10, 10, back);
        for (var i = 0; i < lines.Count; i++)
        {
            var y = top + 8 + ((i + 1) * lineHeight) - 8;
            var x = (Stage.Width - font.MeasureText(lines[i])) / 2;
            var prefix = $"{speaker}:";
            if (i == 0 && lines[0].StartsWith(prefix, StringComparison.Ordinal))
            {
                canvas.DrawText(prefix, x, y, SKTextAlign.Left, font, name);
                canvas.DrawText(lines[0][prefix.Length..], x + font.MeasureText(prefix), y, SKTextAlign.Left, font, ink);
            }
            else
            {
                canvas.DrawText(lines[i], x, y, SKTextAlign.Left, font, ink);
            }
        }
    }

    /// <summary>Greedy word wrap to <paramref name="width"/>; the last allowed line ends in an ellipsis when text is left.</summary>
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
                if (lines.Count == maxLines)
                {
                    lines[^1] += " …";
                    return lines;
                }
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines.Count == 0 ? [""] : lines;
    }
}
