using SkiaSharp;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Falling rain, snow and blown streaks, moved by the frame's time. Drawn in screen space over the background and
/// under the figures: weather never changes a figure's colours.
/// </summary>
internal static class WeatherPainter
{
    public static void Draw(SKCanvas canvas, Weather weather, string key, float seconds)
    {
        if (weather is Weather.Clear or Weather.Fog)
        {
            return;
        }

        var seed = new Seed(key, "weather");
        var (count, speed, drift) = weather switch
        {
            Weather.Rain => (140, 900f, -120f),
            Weather.Snow => (120, 80f, 25f),
            _ => (40, 60f, 900f),
        };
        using var paint = weather switch
        {
            Weather.Rain => Paints.Stroke(new SKColor(200, 210, 230, 130), 1.6f),
            Weather.Snow => Paints.Fill(new SKColor(250, 250, 255, 210)),
            _ => Paints.Stroke(new SKColor(230, 220, 190, 110), 1.4f),
        };
        for (var i = 0; i < count; i++)
        {
            var x = Wrap(seed.Range(0, Stage.Width) + (drift * seconds * seed.Range(0.7f, 1.3f)), Stage.Width);
            var y = Wrap(seed.Range(0, Stage.Height) + (speed * seconds * seed.Range(0.8f, 1.2f)), Stage.Height);
            switch (weather)
            {
                case Weather.Rain:
                    canvas.DrawLine(x, y, x - 4, y + 18, paint);
                    break;
                case Weather.Snow:
                    canvas.DrawCircle(x, y, seed.Range(1.5f, 3.5f), paint);
                    break;
                default:
                    canvas.DrawLine(x, y, x + 40, y + 3, paint);
                    break;
            }
        }
    }

    private static float Wrap(float value, float size) => ((value % size) + size) % size;
}
