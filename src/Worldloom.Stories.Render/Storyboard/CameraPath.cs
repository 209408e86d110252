using SkiaSharp;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// A shot's camera move as two transforms over its duration (eased in and out): one for the background and one for
/// the figures. Pans slide both across the background's margin; zooms scale both about the subjects; dollies scale
/// the figures more than the background, which reads as the camera moving through the place (parallax).
/// </summary>
internal static class CameraPath
{
    private const float Zoom = 1.3f;
    private const float DollyBackground = 1.08f;
    private const float DollyFigures = 1.4f;

    /// <summary>
    /// The background and figure transforms at <paramref name="progress"/> (0..1) through the shot. Pans move by whole
    /// output pixels (<paramref name="scale"/> output pixels per design unit): the background is then copied, not
    /// resampled, which is most of a frame's cost, and a sub-pixel step is invisible at 24 fps.
    /// </summary>
    public static (SKMatrix Background, SKMatrix Figures) At(CameraMove move, float progress, SKPoint focus, float scale)
    {
        var t = progress * progress * (3 - (2 * progress));
        switch (move)
        {
            case CameraMove.PanLeft:
            case CameraMove.PanRight:
                var shift = Stage.Margin * 0.9f * ((2 * t) - 1) * (move == CameraMove.PanLeft ? 1 : -1);
                var pan = SKMatrix.CreateTranslation(MathF.Round(shift * scale) / scale, 0);
                return (pan, pan);
            case CameraMove.ZoomIn:
            case CameraMove.ZoomOut:
                var zoom = Scale(move == CameraMove.ZoomIn ? Lerp(1, Zoom, t) : Lerp(Zoom, 1, t), focus);
                return (zoom, zoom);
            case CameraMove.DollyIn:
            case CameraMove.DollyOut:
                var k = move == CameraMove.DollyIn ? t : 1 - t;
                return (Scale(Lerp(1, DollyBackground, k), focus), Scale(Lerp(1, DollyFigures, k), focus));
            default:
                return (SKMatrix.Identity, SKMatrix.Identity);
        }
    }

    private static SKMatrix Scale(float scale, SKPoint focus) => SKMatrix.CreateScale(scale, scale, focus.X, focus.Y);

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
