using SkiaSharp;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Draws a landmark from the words of its name ("broken bell tower", "stone bridge"): the noun picks a silhouette,
/// "broken" or "ruined" bites the top. Unknown nouns get a seeded standing stone or tower, the same one every time.
/// </summary>
internal static class LandmarkPainter
{
    /// <summary>Draws <paramref name="name"/> standing on (<paramref name="x"/>, <paramref name="baseY"/>), <paramref name="height"/> tall.</summary>
    public static void Draw(SKCanvas canvas, string name, float x, float baseY, float height, SKColor wall, SKColor roof)
    {
        using var wallPaint = Paints.Fill(wall);
        using var roofPaint = Paints.Fill(roof);
        using var dark = Paints.Fill(Paints.Mix(wall, SKColors.Black, 0.55f));
        var broken = Has(name, "broken", "ruined", "ruin", "ruins", "crumbling", "fallen");
        var h = height;
        canvas.Save();
        if (broken)
        {
            // A ragged bite out of the top, clipped away so whatever stands behind shows through.
            using var bite = new SKPath();
            bite.MoveTo(x - (h * 0.05f), baseY - (h * 1.2f));
            bite.LineTo(x + (h * 0.6f), baseY - (h * 1.2f));
            bite.LineTo(x + (h * 0.6f), baseY - (h * 0.82f));
            bite.LineTo(x + (h * 0.08f), baseY - (h * 0.9f));
            bite.LineTo(x + (h * 0.02f), baseY - (h * 0.96f));
            bite.Close();
            canvas.ClipPath(bite, SKClipOperation.Difference, antialias: true);
        }

        if (Has(name, "tower", "keep", "lighthouse", "spire", "belfry", "minaret"))
        {
            var w = h * 0.28f;
            canvas.DrawRect(x - (w / 2), baseY - h, w, h, wallPaint);
            for (var i = 0; i < 3; i++)
            {
                canvas.DrawRect(x - (w / 2) + (i * w / 2.5f), baseY - h - (h * 0.06f), w / 5f, h * 0.06f, wallPaint);
            }

            canvas.DrawRect(x - (w * 0.12f), baseY - (h * 0.7f), w * 0.24f, h * 0.14f, dark);
            canvas.DrawRect(x - (w * 0.15f), baseY - (h * 0.2f), w * 0.3f, h * 0.2f, dark);
        }
        else if (Has(name, "bridge", "aqueduct"))
        {
            var w = h * 2.4f;
            canvas.DrawRect(x - (w / 2), baseY - (h * 0.45f), w, h * 0.12f, wallPaint);
            using var arch = Paints.Stroke(wall, h * 0.1f);
            canvas.DrawArc(new SKRect(x - (w * 0.45f), baseY - (h * 0.4f), x + (w * 0.45f), baseY + (h * 0.4f)), 180, 180, false, arch);
        }
        else if (Has(name, "gate", "arch", "archway", "portal", "door"))
        {
            var w = h * 0.9f;
            canvas.DrawRect(x - (w / 2), baseY - h, w * 0.2f, h, wallPaint);
            canvas.DrawRect(x + (w * 0.3f), baseY - h, w * 0.2f, h, wallPaint);
            canvas.DrawRect(x - (w / 2), baseY - h, w, h * 0.15f, roofPaint);
        }
        else if (Has(name, "wall", "walls", "palisade", "fence", "rampart"))
        {
            var w = h * 3f;
            canvas.DrawRect(x - (w / 2), baseY - (h * 0.35f), w, h * 0.35f, wallPaint);
            for (var i = 0; i < 8; i++)
            {
                canvas.DrawRect(x - (w / 2) + (i * w / 8f), baseY - (h * 0.42f), w / 16f, h * 0.07f, wallPaint);
            }
        }
        else if (Has(name, "tree", "oak", "yew", "willow", "elm", "ash", "grove"))
        {
            using var trunk = Paints.Fill(new SKColor(90, 62, 40));
            using var crown = Paints.Fill(new SKColor(46, 110, 52));
            canvas.DrawRect(x - (h * 0.06f), baseY - (h * 0.55f), h * 0.12f, h * 0.55f, trunk);
            canvas.DrawCircle(x, baseY - (h * 0.7f), h * 0.32f, crown);
        }
        else if (Has(name, "well", "fountain", "pool"))
        {
            var w = h * 0.6f;
            canvas.DrawRect(x - (w / 2), baseY - (h * 0.3f), w, h * 0.3f, wallPaint);
            canvas.DrawRect(x - (w * 0.55f), baseY - (h * 0.75f), w * 1.1f, h * 0.1f, roofPaint);
            canvas.DrawRect(x - (w * 0.45f), baseY - (h * 0.7f), w * 0.06f, h * 0.4f, dark);
            canvas.DrawRect(x + (w * 0.39f), baseY - (h * 0.7f), w * 0.06f, h * 0.4f, dark);
        }
        else if (Has(name, "stone", "stones", "statue", "monolith", "obelisk", "menhir", "cairn", "altar"))
        {
            for (var i = -1; i <= 1; i++)
            {
                canvas.DrawRoundRect(x + (i * h * 0.3f) - (h * 0.1f), baseY - (h * (i == 0 ? 0.8f : 0.6f)), h * 0.2f, h * (i == 0 ? 0.8f : 0.6f), h * 0.05f, h * 0.05f, wallPaint);
            }
        }
        else if (Has(name, "mill", "windmill"))
        {
            House(canvas, x, baseY, h * 0.6f, wallPaint, roofPaint, dark, false);
            using var sail = Paints.Stroke(Paints.Mix(wall, SKColors.White, 0.4f), h * 0.05f);
            var hub = new SKPoint(x, baseY - (h * 0.75f));
            canvas.DrawLine(hub.X - (h * 0.35f), hub.Y - (h * 0.35f), hub.X + (h * 0.35f), hub.Y + (h * 0.35f), sail);
            canvas.DrawLine(hub.X - (h * 0.35f), hub.Y + (h * 0.35f), hub.X + (h * 0.35f), hub.Y - (h * 0.35f), sail);
        }
        else if (Has(name, "temple", "church", "chapel", "shrine", "cathedral", "abbey", "monastery"))
        {
            House(canvas, x, baseY, h * 0.55f, wallPaint, roofPaint, dark, true);
        }
        else if (Has(name, "house", "inn", "hut", "cottage", "hall", "tavern", "shop", "forge", "smithy", "barn", "manor", "farm", "lodge", "cabin", "market", "stall"))
        {
            House(canvas, x, baseY, h * 0.55f, wallPaint, roofPaint, dark, false);
        }
        else
        {
            var seed = new Seed(name, "landmark");
            if (seed.Pick(2) == 0)
            {
                canvas.DrawRoundRect(x - (h * 0.12f), baseY - h, h * 0.24f, h, h * 0.06f, h * 0.06f, wallPaint);
            }
            else
            {
                House(canvas, x, baseY, h * 0.5f, wallPaint, roofPaint, dark, false);
            }
        }

        canvas.Restore();
    }

    private static void House(SKCanvas canvas, float x, float baseY, float h, SKPaint wall, SKPaint roof, SKPaint dark, bool spire)
    {
        var w = h * 1.4f;
        canvas.DrawRect(x - (w / 2), baseY - h, w, h, wall);
        using var path = new SKPath();
        path.MoveTo(x - (w * 0.6f), baseY - h);
        path.LineTo(x, baseY - (h * 1.6f));
        path.LineTo(x + (w * 0.6f), baseY - h);
        path.Close();
        canvas.DrawPath(path, roof);
        canvas.DrawRect(x - (w * 0.1f), baseY - (h * 0.45f), w * 0.2f, h * 0.45f, dark);
        if (spire)
        {
            canvas.DrawRect(x - (w * 0.08f), baseY - (h * 2.2f), w * 0.16f, h * 0.7f, wall);
            using var tip = new SKPath();
            tip.MoveTo(x - (w * 0.1f), baseY - (h * 2.2f));
            tip.LineTo(x, baseY - (h * 2.6f));
            tip.LineTo(x + (w * 0.1f), baseY - (h * 2.2f));
            tip.Close();
            canvas.DrawPath(tip, roof);
        }
    }

    private static bool Has(string name, params string[] words) => words.Any(w => FigureLook.HasWord(name, w));
}
