using SkiaSharp;
using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Draws a figure in flat colours around its feet (the origin; up is negative y). Figures are never tinted by the
/// shot's light or weather, so an entity's colours are the same pixels in every shot; <see cref="SamplePoints"/> names
/// points inside flat regions (hair, torso, cloak, body) where a test or the bible editor can read them back.
/// </summary>
internal static class FigurePainter
{
    /// <summary>Points inside flat-coloured parts of <paramref name="look"/>, in figure coordinates.</summary>
    public static IReadOnlyDictionary<string, SKPoint> SamplePoints(FigureLook look)
    {
        var u = look.Height / 8f;
        if (look.Kind != EntityKind.Character)
        {
            return new Dictionary<string, SKPoint> { ["body"] = new(0, -look.Height * 0.5f) };
        }

        var points = new Dictionary<string, SKPoint>
        {
            ["torso"] = new(-0.45f * u * look.Width, -5.3f * u),
            ["hair"] = new(0, -7.8f * u),
            ["face"] = new(0, -7.05f * u),
        };
        if (look.Robe is null)
        {
            points["legs"] = new(-0.35f * u * look.Width, -2.2f * u);
        }

        if (look.Cloak is not null)
        {
            points["cloak"] = new(1.05f * u * look.Width, -2.2f * u);
        }

        return points;
    }

    /// <summary>How far <paramref name="look"/> reaches to either side of its feet and above them (design pixels).</summary>
    public static (float HalfWidth, float Height) Extent(FigureLook look) => look.Kind switch
    {
        EntityKind.Character => (1.45f * look.Height / 8f * look.Width, look.Height * 1.08f),
        EntityKind.Creature => (look.Shape == 0 ? 1.0f * look.Height * look.Width : 0.8f * look.Height * look.Width, look.Height * 1.1f),
        _ => (0.6f * look.Height, look.Height),
    };

    /// <summary>Draws <paramref name="look"/> with its feet at the canvas origin.</summary>
    public static void Draw(SKCanvas canvas, FigureLook look)
    {
        switch (look.Kind)
        {
            case EntityKind.Character:
                Person(canvas, look);
                break;
            case EntityKind.Creature:
                Creature(canvas, look);
                break;
            default:
                Prop(canvas, look);
                break;
        }
    }

    private static void Person(SKCanvas canvas, FigureLook look)
    {
        var u = look.Height / 8f;
        var w = look.Width;
        using var shadow = Paints.Fill(new SKColor(0, 0, 0, 60));
        canvas.DrawOval(0, 0, 1.4f * u * w, 0.25f * u, shadow);
        if (look.Cloak is { } cloak)
        {
            Trapezoid(canvas, cloak, -6.5f * u, 1.0f * u * w, -0.8f * u, 1.3f * u * w);
        }

        if (look.HairStyle == 1)
        {
            using var hair = Paints.Fill(look.Hair);
            canvas.DrawRoundRect(-0.72f * u, -7.9f * u, 1.44f * u, 2.0f * u, 0.5f * u, 0.5f * u, hair);
        }

        var legWidth = 0.55f * u * w;
        using (var legs = Paints.Fill(look.Legs))
        {
            canvas.DrawRect(-0.075f * u - legWidth, -3.8f * u, legWidth, 3.6f * u, legs);
            canvas.DrawRect(0.075f * u, -3.8f * u, legWidth, 3.6f * u, legs);
        }

        using (var feet = Paints.Fill(look.Feet))
        {
            canvas.DrawOval(-0.075f * u - (legWidth / 2), -0.2f * u, legWidth * 0.65f, 0.22f * u, feet);
            canvas.DrawOval(0.075f * u + (legWidth / 2), -0.2f * u, legWidth * 0.65f, 0.22f * u, feet);
        }

        using (var torso = Paints.Fill(look.Torso))
        {
            canvas.DrawRoundRect(-0.95f * u * w, -6.6f * u, 1.9f * u * w, 3.0f * u, 0.35f * u, 0.35f * u, torso);
            canvas.DrawRoundRect(-1.4f * u * w, -6.4f * u, 0.45f * u, 2.5f * u, 0.2f * u, 0.2f * u, torso);
            canvas.DrawRoundRect(0.95f * u * w, -6.4f * u, 0.45f * u, 2.5f * u, 0.2f * u, 0.2f * u, torso);
        }

        if (look.Robe is { } robe)
        {
            Trapezoid(canvas, robe, -6.6f * u, 0.95f * u * w, -0.35f * u, 1.15f * u * w);
        }

        if (look.Apron is { } apron)
        {
            using var paint = Paints.Fill(apron);
            canvas.DrawRect(-0.7f * u * w, -4.4f * u, 1.4f * u * w, 2.4f * u, paint);
        }

        if (look.Belt is { } belt)
        {
            using var paint = Paints.Fill(belt);
            canvas.DrawRect(-0.95f * u * w, -3.95f * u, 1.9f * u * w, 0.3f * u, paint);
        }

        using var skin = Paints.Fill(look.Body);
        canvas.DrawCircle(-1.18f * u * w, -3.75f * u, 0.24f * u, skin);
        canvas.DrawCircle(1.18f * u * w, -3.75f * u, 0.24f * u, skin);
        canvas.DrawRect(-0.22f * u, -6.95f * u, 0.44f * u, 0.45f * u, skin);
        if (look.PointedEars)
        {
            using var ears = new SKPath();
            ears.MoveTo(-0.55f * u, -7.4f * u);
            ears.LineTo(-0.95f * u, -7.75f * u);
            ears.LineTo(-0.6f * u, -7.05f * u);
            ears.MoveTo(0.55f * u, -7.4f * u);
            ears.LineTo(0.95f * u, -7.75f * u);
            ears.LineTo(0.6f * u, -7.05f * u);
            canvas.DrawPath(ears, skin);
        }

        canvas.DrawCircle(0, -7.3f * u, 0.62f * u, skin);
        using (var hair = Paints.Fill(look.Hair))
        {
            canvas.DrawArc(new SKRect(-0.66f * u, -7.96f * u, 0.66f * u, -6.9f * u), 180, 180, true, hair);
            if (look.HairStyle == 2)
            {
                canvas.DrawCircle(0, -8.0f * u, 0.3f * u, hair);
            }
        }

        using (var eyes = Paints.Fill(look.Eyes))
        {
            canvas.DrawCircle(-0.22f * u, -7.25f * u, 0.08f * u, eyes);
            canvas.DrawCircle(0.22f * u, -7.25f * u, 0.08f * u, eyes);
        }

        if (look.Headwear is { } hat)
        {
            using var paint = Paints.Fill(hat);
            if (look.Hood)
            {
                canvas.DrawArc(new SKRect(-0.8f * u, -8.15f * u, 0.8f * u, -6.6f * u), 180, 180, true, paint);
            }
            else
            {
                canvas.DrawRect(-0.95f * u, -7.95f * u, 1.9f * u, 0.16f * u, paint);
                canvas.DrawRoundRect(-0.5f * u, -8.55f * u, 1.0f * u, 0.7f * u, 0.1f * u, 0.1f * u, paint);
            }
        }

        var hand = 0;
        foreach (var item in look.Items)
        {
            switch (item.Shape)
            {
                case HeldShape.Worn:
                    using (var paint = Paints.Fill(item.Colour))
                    {
                        canvas.DrawCircle(0.25f * u * w, -6.1f * u, 0.16f * u, paint);
                    }

                    break;
                case HeldShape.Long:
                    using (var paint = Paints.Stroke(item.Colour, 0.14f * u))
                    {
                        var x = (hand++ % 2 == 0 ? 1.18f : -1.18f) * u * w;
                        canvas.DrawLine(x, -6.2f * u, x, -0.6f * u, paint);
                    }

                    break;
                default:
                    using (var paint = Paints.Fill(item.Colour))
                    {
                        var x = (hand++ % 2 == 0 ? 1.18f : -1.18f) * u * w;
                        canvas.DrawRoundRect(x - (0.25f * u), -3.6f * u, 0.5f * u, 0.45f * u, 0.1f * u, 0.1f * u, paint);
                    }

                    break;
            }
        }
    }

    /// <summary>A cloak or robe: a symmetric trapezoid from a top edge to a wider bottom edge.</summary>
    private static void Trapezoid(SKCanvas canvas, SKColor colour, float top, float topHalf, float bottom, float bottomHalf)
    {
        using var paint = Paints.Fill(colour);
        using var path = new SKPath();
        path.MoveTo(-topHalf, top);
        path.LineTo(topHalf, top);
        path.LineTo(bottomHalf, bottom);
        path.LineTo(-bottomHalf, bottom);
        path.Close();
        canvas.DrawPath(path, paint);
    }

    private static void Creature(SKCanvas canvas, FigureLook look)
    {
        var h = look.Height;
        var w = look.Width;
        using var body = Paints.Fill(look.Body);
        using var eyes = Paints.Fill(look.Eyes);
        using var shadow = Paints.Fill(new SKColor(0, 0, 0, 60));
        canvas.DrawOval(0, 0, 0.8f * h * w, 0.06f * h, shadow);
        switch (look.Shape)
        {
            case 1:
                // A bird: body, spread wings, head.
                canvas.DrawOval(0, -0.5f * h, 0.3f * h, 0.22f * h, body);
                using (var wings = new SKPath())
                {
                    wings.MoveTo(-0.1f * h, -0.55f * h);
                    wings.LineTo(-0.75f * h * w, -0.85f * h);
                    wings.LineTo(-0.2f * h, -0.4f * h);
                    wings.MoveTo(0.1f * h, -0.55f * h);
                    wings.LineTo(0.75f * h * w, -0.85f * h);
                    wings.LineTo(0.2f * h, -0.4f * h);
                    canvas.DrawPath(wings, body);
                }

                canvas.DrawCircle(0.3f * h, -0.72f * h, 0.12f * h, body);
                canvas.DrawCircle(0.34f * h, -0.75f * h, 0.03f * h, eyes);
                break;
            case 2:
                // A serpent: a thick wave with a head.
                using (var stroke = Paints.Stroke(look.Body, 0.14f * h))
                using (var path = new SKPath())
                {
                    path.MoveTo(-0.8f * h * w, -0.1f * h);
                    path.CubicTo(-0.4f * h, -0.6f * h, -0.1f * h, 0.3f * h, 0.3f * h, -0.3f * h);
                    path.CubicTo(0.45f * h, -0.5f * h, 0.5f * h, -0.55f * h, 0.6f * h, -0.5f * h);
                    canvas.DrawPath(path, stroke);
                }

                canvas.DrawOval(0.3f * h, -0.5f * h, 0.12f * h, 0.09f * h, body);
                canvas.DrawCircle(0.34f * h, -0.53f * h, 0.025f * h, eyes);
                break;
            default:
                // Four legs, a body, a head and a tail.
                canvas.DrawRect(-0.55f * h * w, -0.55f * h, 0.12f * h, 0.55f * h, body);
                canvas.DrawRect(-0.3f * h * w, -0.55f * h, 0.12f * h, 0.55f * h, body);
                canvas.DrawRect(0.22f * h * w, -0.55f * h, 0.12f * h, 0.55f * h, body);
                canvas.DrawRect(0.45f * h * w, -0.55f * h, 0.12f * h, 0.55f * h, body);
                canvas.DrawOval(0, -0.62f * h, 0.65f * h * w, 0.25f * h, body);
                canvas.DrawCircle(0.72f * h * w, -0.85f * h, 0.2f * h, body);
                using (var tail = Paints.Stroke(look.Body, 0.07f * h))
                {
                    canvas.DrawLine(-0.6f * h * w, -0.7f * h, -0.9f * h * w, -0.45f * h, tail);
                }

                canvas.DrawCircle(0.8f * h * w, -0.9f * h, 0.035f * h, eyes);
                break;
        }
    }

    private static void Prop(SKCanvas canvas, FigureLook look)
    {
        var h = look.Height;
        using var body = Paints.Fill(look.Body);
        using var edge = Paints.Stroke(Paints.Mix(look.Body, SKColors.Black, 0.5f), Math.Max(1f, h * 0.03f));
        switch (look.Shape)
        {
            case 0:
                canvas.DrawRoundRect(-0.6f * h, -h, 1.2f * h, h, 0.08f * h, 0.08f * h, body);
                canvas.DrawRoundRect(-0.6f * h, -h, 1.2f * h, h, 0.08f * h, 0.08f * h, edge);
                break;
            case 1:
                canvas.DrawCircle(0, -0.5f * h, 0.5f * h, body);
                canvas.DrawCircle(0, -0.5f * h, 0.5f * h, edge);
                break;
            default:
                using (var path = new SKPath())
                {
                    path.MoveTo(0, -h);
                    path.LineTo(0.45f * h, 0);
                    path.LineTo(-0.45f * h, 0);
                    path.Close();
                    canvas.DrawPath(path, body);
                    canvas.DrawPath(path, edge);
                }

                break;
        }
    }
}
