using SkiaSharp;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// What stays the same through a shot, prepared once: the background rasterised at output scale (sky, land,
/// landmarks, light), the figures resolved and placed, and the caption and subtitle recorded as a picture. A frame
/// then only blits the background through the camera, draws the weather and replays figures and overlay.
/// </summary>
internal sealed class ShotScene : IDisposable
{
    private readonly SKImage _background;
    private readonly SKPicture _overlay;

    public ShotScene(Shot shot, int index, BibleState bible, float scale, RenderOptions options)
    {
        Shot = shot;
        var location = bible.Entity(shot.Setting.Location);
        var vista = shot.Vista is { } v ? bible.Entity(v.Location) : null;
        var width = (int)Math.Ceiling((Stage.Width + (2 * Stage.Margin)) * scale);
        var height = (int)Math.Ceiling(Stage.Height * scale);
        using (var surface = SKSurface.Create(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul)))
        {
            var canvas = surface.Canvas;
            canvas.Scale(scale);
            canvas.Translate(Stage.Margin, 0);
            SettingPainter.Draw(canvas, shot.Setting, location, vista, shot.Vista?.Direction ?? Compass.North);
            _background = surface.Snapshot();
        }

        Figures = [.. FigurePlacement.Layout(shot)
            .Where(p => bible.Entity(p.Subject.Entity) is { Kind: not EntityKind.Location })
            .Select(p => new FigurePlacement(p.Subject.Entity, FigureLook.Resolve(bible.Entity(p.Subject.Entity)!, p.Subject), p.Feet, p.Scale))];
        Focus = Figures.Count == 0
            ? new SKPoint(Stage.Width / 2, Stage.Height * 0.55f)
            : new SKPoint(Figures.Average(f => f.Feet.X), Figures.Average(f => f.Feet.Y - (f.Look.Height * f.Scale * 0.6f)));
        WeatherKey = $"{shot.Setting.Location ?? "biome"}#{index}";

        using var recorder = new SKPictureRecorder();
        var overlay = recorder.BeginRecording(new SKRect(0, 0, Stage.Width, Stage.Height));
        if (options.Captions)
        {
            CaptionPainter.Caption(overlay, $"{index + 1}. {shot.Description}");
        }

        if (options.BurnInSubtitles && shot.Dialogue is { } line)
        {
            CaptionPainter.Subtitle(overlay, bible.Entity(line.Speaker)?.Name ?? line.Speaker, line.Text);
        }

        _overlay = recorder.EndRecording();
    }

    public Shot Shot { get; }

    public IReadOnlyList<FigurePlacement> Figures { get; }

    /// <summary>Where zooms and dollies close in: the middle of the figures, or the frame's centre when there are none.</summary>
    public SKPoint Focus { get; }

    public string WeatherKey { get; }

    /// <summary>Draws this shot at <paramref name="progress"/> with the canvas in output pixels scaled by <paramref name="scale"/>.</summary>
    public void Draw(SKCanvas canvas, float scale, float progress, float seconds)
    {
        var (background, _) = CameraPath.At(Shot.Camera, progress, Focus, scale);
        var output = SKMatrix.CreateScale(scale, scale);
        canvas.SetMatrix(output.PreConcat(background));
        var dest = new SKRect(-Stage.Margin, 0, Stage.Width + Stage.Margin, Stage.Height);
        var moved = background.ScaleX == 1 && background.ScaleY == 1 ? SKFilterMode.Nearest : SKFilterMode.Linear;
        canvas.DrawImage(_background, dest, new SKSamplingOptions(moved));

        canvas.SetMatrix(output);
        WeatherPainter.Draw(canvas, Shot.Setting.Weather, WeatherKey, seconds);
        foreach (var figure in Figures)
        {
            canvas.SetMatrix(FigureMatrix(figure, scale, progress));
            FigurePainter.Draw(canvas, figure.Look);
        }

        canvas.SetMatrix(output);
        canvas.DrawPicture(_overlay);
        canvas.ResetMatrix();
    }

    /// <summary>From a figure's own coordinates (feet at the origin) to output pixels at <paramref name="progress"/>.</summary>
    public SKMatrix FigureMatrix(FigurePlacement figure, float scale, float progress)
    {
        var (_, camera) = CameraPath.At(Shot.Camera, progress, Focus, scale);
        return SKMatrix.CreateScale(scale, scale)
            .PreConcat(camera)
            .PreConcat(SKMatrix.CreateTranslation(figure.Feet.X, figure.Feet.Y))
            .PreConcat(SKMatrix.CreateScale(figure.Scale, figure.Scale));
    }

    public void Dispose()
    {
        _background.Dispose();
        _overlay.Dispose();
    }
}
