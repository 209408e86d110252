using SkiaSharp;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Draws the frames of one segment from its shot plan and bible state. Frames are drawn in order for speed (each
/// shot's static parts are prepared once and dropped when the shot is over), but any frame can be drawn on its own,
/// and the same plan, bible and options always give the same pixels.
/// </summary>
public sealed class StoryboardRenderer : IDisposable
{
    private readonly ShotPlan _plan;
    private readonly BibleState _bible;
    private readonly RenderOptions _options;
    private readonly float _scale;
    private readonly Dictionary<int, ShotScene> _scenes = [];

    /// <summary>
    /// A renderer of <paramref name="plan"/>; throws <see cref="InvalidShotPlanException"/> when the plan cannot be
    /// drawn and <see cref="ArgumentException"/> naming the fields when the options are unusable.
    /// </summary>
    public StoryboardRenderer(ShotPlan plan, BibleState bible, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(bible);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Check() is { Count: > 0 } bad)
        {
            throw new ArgumentException("The render options are unusable: " + string.Join("; ", bad.Select(e => $"{e.Field}: {e.Message}")), nameof(options));
        }

        var errors = RenderPlanCheck.Check(plan, bible);
        if (errors.Count > 0)
        {
            throw new InvalidShotPlanException(errors);
        }

        _plan = plan;
        _bible = bible;
        _options = options;
        _scale = options.Width / Stage.Width;
        Timeline = new Timeline(plan, options.Fps, options.CrossfadeMs);
    }

    /// <summary>
    /// The bitmap format frames are drawn in: the platform's native 32-bit order (BGRA on Linux x64), which Skia's
    /// fastest blitters need; the encoder is told the byte order.
    /// </summary>
    public static SKImageInfo FrameInfo(RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SKImageInfo(options.Width, options.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
    }

    /// <summary>Where the shots' frames fall.</summary>
    public Timeline Timeline { get; }

    /// <summary>
    /// Draws frame <paramref name="frame"/> onto <paramref name="canvas"/> (of <see cref="FrameInfo"/>), covering every
    /// pixel, so the canvas needs no clearing between frames.
    /// </summary>
    public void Draw(int frame, SKCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, Timeline.TotalFrames);
        var shot = Timeline.ShotAt(frame);
        var seconds = frame / (float)Timeline.Fps;
        canvas.ResetMatrix();
        if (Timeline.FadeAt(frame) is { } fade)
        {
            Scene(fade.Outgoing).Draw(canvas, _scale, Timeline.ProgressOf(fade.Outgoing, frame), seconds);
            var incoming = fade.Outgoing + 1;
            using var layer = new SKPaint { Color = SKColors.White.WithAlpha((byte)Math.Round(fade.Incoming * 255)) };
            canvas.SaveLayer(layer);
            Scene(incoming).Draw(canvas, _scale, Timeline.ProgressOf(incoming, frame), seconds);
            canvas.Restore();
        }
        else
        {
            Scene(shot).Draw(canvas, _scale, Timeline.ProgressOf(shot, frame), seconds);
        }

        // Shots before the one on screen are not needed again when frames are drawn in order.
        foreach (var old in _scenes.Keys.Where(k => k < shot - 1 || k > shot + 1).ToList())
        {
            _scenes[old].Dispose();
            _scenes.Remove(old);
        }
    }

    /// <summary>
    /// Where the flat-coloured parts of <paramref name="entity"/> (hair, torso, legs, cloak; body for creatures and
    /// props) appear in frame <paramref name="frame"/>, in output pixels; empty when it is not on screen in that shot.
    /// </summary>
    public IReadOnlyDictionary<string, SKPoint> SamplePoints(int frame, string entity)
    {
        var shot = Timeline.ShotAt(frame);
        var scene = Scene(shot);
        var figure = scene.Figures.FirstOrDefault(f => f.Entity == entity);
        if (figure is null)
        {
            return new Dictionary<string, SKPoint>();
        }

        var matrix = scene.FigureMatrix(figure, _scale, Timeline.ProgressOf(shot, frame));
        return FigurePainter.SamplePoints(figure.Look).ToDictionary(p => p.Key, p => matrix.MapPoint(p.Value));
    }

    /// <summary>The frame that best stands for shot <paramref name="shot"/>: its middle.</summary>
    public int KeyFrameOf(int shot) => Timeline.StartOf(shot) + (Timeline.FramesOf(shot) / 2);

    /// <summary>The shot a poster shows: the first with figures in it, else the first.</summary>
    public int PosterShot()
    {
        for (var i = 0; i < _plan.Shots.Count; i++)
        {
            if (_plan.Shots[i].Subjects.Any(s => _bible.Entity(s.Entity) is { Kind: not EntityKind.Location }))
            {
                return i;
            }
        }

        return 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var scene in _scenes.Values)
        {
            scene.Dispose();
        }

        _scenes.Clear();
    }

    private ShotScene Scene(int shot)
    {
        if (!_scenes.TryGetValue(shot, out var scene))
        {
            scene = new ShotScene(_plan.Shots[shot], shot, _bible, _scale, _options);
            _scenes[shot] = scene;
        }

        return scene;
    }
}
