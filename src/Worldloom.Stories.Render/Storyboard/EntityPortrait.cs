using SkiaSharp;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// An entity as the storyboard draws it, on its own: a figure on a plain backdrop, or a location's setting by day.
/// The bible editor shows these, so a user sees the look their corrections will give in the next segment.
/// </summary>
public static class EntityPortrait
{
    /// <summary>A PNG of <paramref name="entity"/>, <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] Png(BibleEntity entity, int width = 256, int height = 256)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 2048);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 2048);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            if (entity.Kind == EntityKind.Location)
            {
                // The middle of the setting, scaled to cover the portrait.
                var scale = Math.Max(width / Stage.Width, height / Stage.Height);
                canvas.Translate(width / 2f, height / 2f);
                canvas.Scale(scale);
                canvas.Translate(-Stage.Width / 2, -Stage.Height / 2);
                SettingPainter.Draw(canvas, new ShotSetting { Location = entity.Id }, entity, null, Compass.North);
            }
            else
            {
                using var backdrop = new SKPaint();
                backdrop.Shader = SKShader.CreateLinearGradient(
                    new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(232, 234, 238), new SKColor(196, 200, 208)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, width, height, backdrop);
                var look = FigureLook.Resolve(entity, null);
                var (halfWidth, tall) = FigurePainter.Extent(look);
                var fit = Math.Min(height * 0.8f / tall, width * 0.42f / halfWidth);
                canvas.Translate(width / 2f, height * 0.92f);
                canvas.Scale(fit);
                FigurePainter.Draw(canvas, look);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
