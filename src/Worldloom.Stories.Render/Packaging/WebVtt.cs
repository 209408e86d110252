using System.Globalization;
using System.Text;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Stories.Render.Packaging;

/// <summary>The WebVTT subtitle track of a segment: one cue per shot with dialogue, timed to the shot's frames.</summary>
public static class WebVtt
{
    /// <summary>The cues of <paramref name="plan"/>: each dialogue line for exactly the frames of its shot.</summary>
    public static IReadOnlyList<SubtitleCue> Cues(ShotPlan plan, BibleState bible, Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(bible);
        ArgumentNullException.ThrowIfNull(timeline);
        var cues = new List<SubtitleCue>();
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            if (plan.Shots[i].Dialogue is { } line)
            {
                cues.Add(new SubtitleCue(
                    timeline.MillisecondsAt(timeline.StartOf(i)),
                    timeline.MillisecondsAt(timeline.StartOf(i) + timeline.FramesOf(i)),
                    bible.Entity(line.Speaker)?.Name ?? line.Speaker,
                    line.Text));
            }
        }

        return cues;
    }

    /// <summary>
    /// The WebVTT document of <paramref name="cues"/>. <paramref name="mpegTsStart"/> (90 kHz ticks) is where the
    /// video's clock starts; the <c>X-TIMESTAMP-MAP</c> header ties cue time 0 to it, as HLS players expect.
    /// </summary>
    public static string Write(IReadOnlyList<SubtitleCue> cues, long mpegTsStart)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var text = new StringBuilder();
        text.Append("WEBVTT\n");
        text.Append(CultureInfo.InvariantCulture, $"X-TIMESTAMP-MAP=MPEGTS:{mpegTsStart},LOCAL:00:00:00.000\n\n");
        for (var i = 0; i < cues.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{Time(cues[i].StartMs)} --> {Time(cues[i].EndMs)}\n");
            text.Append(CultureInfo.InvariantCulture, $"<v {Escape(cues[i].Speaker)}>{Escape(cues[i].Text)}\n\n");
        }

        return text.ToString();
    }

    /// <summary>hh:mm:ss.ttt.</summary>
    public static string Time(long ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}");

    // A cue's text may not hold "-->" or raw markup characters; line breaks would end the cue.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
