using System.Globalization;
using Worldloom.Cli.Forge;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Render;
using Worldloom.Stories.Render.Packaging;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Cli.Stories;

/// <summary>
/// Appends one segment to a story directory, the offline form of the server's generation job: narrate, validate
/// continuity, render and package into <c>segment_NNN/</c>, then rewrite the stitched scene playlists and the manifest.
/// The segment is rendered into a hidden folder and moved into place, and the manifest is written last and atomically,
/// so a blocked, failed or interrupted segment leaves the story as it was.
/// </summary>
internal sealed class StoryMaker(INarrator narrator)
{
    /// <summary>The scene bible of a story directory.</summary>
    public const string BibleFile = "bible.json";

    /// <summary>The stitched master playlist: every segment's video and subtitles in order.</summary>
    public const string SceneFile = "scene.m3u8";

    /// <summary>The stitched video media playlist.</summary>
    public const string SceneVideoFile = "scene_video.m3u8";

    /// <summary>The stitched subtitle media playlist.</summary>
    public const string SceneSubtitlesFile = "scene_subtitles.m3u8";

    // The names StoryboardVideoProvider gives a segment's media playlists.
    private const string SegmentVideo = "video.m3u8";
    private const string SegmentSubtitles = "subtitles.m3u8";

    /// <summary>The stages <see cref="IStoryProgress.Stage"/> reports, in order.</summary>
    public static readonly IReadOnlyList<string> Stages = ["narrate", "validate", "render", "package"];

    /// <summary>The narrator's name, for the manifest.</summary>
    public string NarratorName => narrator.Name;

    /// <summary>
    /// Makes segment <c>manifest.Segments.Count + 1</c> of the story in <paramref name="directory"/> (created when
    /// missing) from <paramref name="prompt"/>. <paramref name="writeBible"/> also writes <paramref name="bible"/>
    /// (a new story). Throws <see cref="IOException"/> for files that cannot be written and
    /// <see cref="InvalidOperationException"/> when the encoder fails.
    /// </summary>
    public async Task<SegmentOutcome> AppendAsync(
        string directory, StoryManifest manifest, SceneBible bible, string prompt, bool writeBible, IStoryProgress progress, CancellationToken ct)
    {
        var index = manifest.Segments.Count + 1;
        progress.Stage("narrate");
        var request = new NarrationRequest
        {
            Bible = bible,
            Segment = index,
            Prompt = prompt,
            PreviousSummary = Summaries(manifest.Segments),
            Seed = manifest.Seed,
            TargetDurationMs = manifest.TargetDurationMs,
        };
        var narrated = await narrator.NarrateAsync(request, ct);
        if (!narrated.Succeeded)
        {
            return new SegmentOutcome { Failure = narrated.Failure };
        }

        progress.Stage("validate");
        var report = ContinuityValidator.Validate(bible, narrated.Plan!);
        if (!report.Passed)
        {
            return new SegmentOutcome { Report = report };
        }

        progress.Stage("render");
        var name = string.Create(CultureInfo.InvariantCulture, $"segment_{index:000}");
        var partial = Path.Combine(directory, $".{name}.partial");
        DeleteIfThere(partial);
        var render = new RenderOptions { Width = manifest.Width, Height = manifest.Height, Fps = manifest.Fps, ThumbnailWidth = Math.Min(320, manifest.Width) };
        VideoSegment video;
        try
        {
            video = await new StoryboardVideoProvider(render).RenderAsync(new VideoRequest(report.Plan, bible.AsOf(index), partial), progress, ct);
            progress.Stage("package");
            WorldFiles.WriteAtomically(Path.Combine(partial, "plan.json"), ShotPlanJson.Write(report.Plan));
            WorldFiles.WriteAtomically(Path.Combine(partial, "continuity.json"), ContinuityReportJson.Write(report));
        }
        catch
        {
            DeleteIfThere(partial);
            throw;
        }

        // A folder of this name not in the manifest is left from an interrupted run: the manifest is the truth.
        var final = Path.Combine(directory, name);
        DeleteIfThere(final);
        Directory.Move(partial, final);
        var entry = new StorySegmentEntry(index, name, prompt, report.Plan.Summary, video.DurationMs, video.FrameCount, report.BibleVersion, report.Corrections.Count);
        var updated = manifest with { Segments = [.. manifest.Segments, entry] };
        if (writeBible)
        {
            WorldFiles.WriteAtomically(Path.Combine(directory, BibleFile), BibleJson.Write(bible));
        }

        WriteScenePlaylists(directory, updated);
        WorldFiles.WriteAtomically(Path.Combine(directory, StoryManifest.FileName), updated.ToJson());
        return new SegmentOutcome { Manifest = updated, Entry = entry, Video = video, Report = report };
    }

    /// <summary>The summaries of the segments so far, newest kept when they are too long for the narrator.</summary>
    public static string Summaries(IReadOnlyList<StorySegmentEntry> segments)
    {
        var kept = new List<string>();
        var length = 0;
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var summary = segments[i].Summary;
            if (length + summary.Length + 1 > NarrationRequest.MaxSummaryLength)
            {
                break;
            }

            kept.Insert(0, summary);
            length += summary.Length + 1;
        }

        return string.Join(' ', kept);
    }

    private static void WriteScenePlaylists(string directory, StoryManifest manifest)
    {
        string Stitch(string playlist) => ScenePlaylist.Stitch([.. manifest.Segments.Select(s =>
            new SegmentPlaylist(s.Directory + "/", File.ReadAllText(Path.Combine(directory, s.Directory, playlist))))]);

        var video = Stitch(SegmentVideo);
        var subtitles = Stitch(SegmentSubtitles);
        // The master's BANDWIDTH is the peak over every part of every segment, as each segment's own master says.
        var bandwidth = MediaPlaylist.Parse(video).Entries
            .Max(e => (long)(new FileInfo(Path.Combine(directory, e.Uri)).Length * 8 / Math.Max(0.001m, e.Seconds)));
        WorldFiles.WriteAtomically(Path.Combine(directory, SceneVideoFile), System.Text.Encoding.UTF8.GetBytes(video));
        WorldFiles.WriteAtomically(Path.Combine(directory, SceneSubtitlesFile), System.Text.Encoding.UTF8.GetBytes(subtitles));
        var master = ScenePlaylist.Master(SceneVideoFile, SceneSubtitlesFile, manifest.Width, manifest.Height, bandwidth);
        WorldFiles.WriteAtomically(Path.Combine(directory, SceneFile), System.Text.Encoding.UTF8.GetBytes(master));
    }

    private static void DeleteIfThere(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
