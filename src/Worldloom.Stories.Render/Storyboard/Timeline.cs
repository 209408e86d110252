using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Where each shot's frames fall. Shot boundaries are rounded from the plan's running milliseconds, so rounding never
/// accumulates: the segment lasts its plan's duration to within one frame, and subtitles (also placed from these
/// frames) meet the picture exactly. A change of place or light between two shots crossfades; the rest cut.
/// </summary>
public sealed class Timeline
{
    private readonly int[] _starts;
    private readonly Transition[] _transitions;
    private readonly int[] _halfFades;

    /// <summary>The timeline of <paramref name="plan"/> at <paramref name="fps"/> with crossfades of <paramref name="crossfadeMs"/>.</summary>
    public Timeline(ShotPlan plan, int fps, int crossfadeMs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Fps = fps;
        var count = plan.Shots.Count;
        _starts = new int[count + 1];
        long running = 0;
        for (var i = 0; i < count; i++)
        {
            running += plan.Shots[i].DurationMs;
            _starts[i + 1] = (int)(((running * fps) + 500) / 1000);
        }

        _transitions = new Transition[Math.Max(0, count - 1)];
        _halfFades = new int[_transitions.Length];
        var fadeFrames = (int)(((long)crossfadeMs * fps) + 500) / 1000;
        for (var i = 0; i < _transitions.Length; i++)
        {
            _transitions[i] = Between(plan.Shots[i], plan.Shots[i + 1]);
            var room = Math.Min(FramesOf(i), FramesOf(i + 1)) / 2;
            _halfFades[i] = _transitions[i] == Transition.Crossfade ? Math.Min(fadeFrames / 2, room) : 0;
        }
    }

    /// <summary>Frames per second.</summary>
    public int Fps { get; }

    /// <summary>Number of shots.</summary>
    public int ShotCount => _starts.Length - 1;

    /// <summary>Frames in the whole segment.</summary>
    public int TotalFrames => _starts[^1];

    /// <summary>The first frame of shot <paramref name="shot"/>.</summary>
    public int StartOf(int shot) => _starts[shot];

    /// <summary>How many frames shot <paramref name="shot"/> has.</summary>
    public int FramesOf(int shot) => _starts[shot + 1] - _starts[shot];

    /// <summary>The time of frame <paramref name="frame"/> in milliseconds from the segment's start.</summary>
    public long MillisecondsAt(int frame) => (long)frame * 1000 / Fps;

    /// <summary>How shot <paramref name="shot"/> gives way to the next one.</summary>
    public Transition TransitionAfter(int shot) => _transitions[shot];

    /// <summary>The shot frame <paramref name="frame"/> belongs to.</summary>
    public int ShotAt(int frame)
    {
        var index = Array.BinarySearch(_starts, frame);
        var shot = index >= 0 ? index : ~index - 1;
        return Math.Clamp(shot, 0, ShotCount - 1);
    }

    /// <summary>How far through shot <paramref name="shot"/> frame <paramref name="frame"/> is, clamped to 0..1.</summary>
    public float ProgressOf(int shot, int frame)
    {
        var frames = FramesOf(shot);
        return frames <= 1 ? 0f : Math.Clamp((frame - StartOf(shot)) / (float)(frames - 1), 0f, 1f);
    }

    /// <summary>
    /// When frame <paramref name="frame"/> lies in a crossfade: the outgoing shot and how far the incoming one has
    /// faded in (0..1, exclusive); null when one shot fills the frame.
    /// </summary>
    public (int Outgoing, float Incoming)? FadeAt(int frame)
    {
        var shot = ShotAt(frame);
        foreach (var boundary in new[] { shot, shot + 1 })
        {
            if (boundary < 1 || boundary > _halfFades.Length)
            {
                continue;
            }

            var half = _halfFades[boundary - 1];
            var start = _starts[boundary];
            if (half > 0 && frame >= start - half && frame < start + half)
            {
                return (boundary - 1, (frame - (start - half) + 0.5f) / (2 * half));
            }
        }

        return null;
    }

    /// <summary>Crossfade between a change of place (location or biome) or of light; a cut otherwise.</summary>
    public static Transition Between(Shot before, Shot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = before.Setting;
        var b = after.Setting;
        return a.Location == b.Location && a.Biome == b.Biome && a.Time == b.Time ? Transition.Cut : Transition.Crossfade;
    }
}
