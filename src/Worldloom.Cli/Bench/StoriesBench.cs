using System.Diagnostics;
using System.Globalization;
using System.Text;
using Worldloom.Cli.Stories;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench stories</c> runs.</summary>
/// <param name="Segments">Segments of the scene (the first made with <c>new</c>, the rest appended).</param>
/// <param name="Width">Frame width.</param>
/// <param name="Height">Frame height.</param>
/// <param name="Fps">Frames per second.</param>
/// <param name="DurationSeconds">Target length of each segment.</param>
/// <param name="Seed">The scene's seed.</param>
/// <param name="Keep">A directory to keep the scene in; null renders into a temporary one, deleted afterwards.</param>
internal sealed record StoriesBenchSettings(int Segments, int Width, int Height, int Fps, int DurationSeconds, ulong Seed, string? Keep);

/// <summary>
/// <c>loom bench stories</c>: a scene told segment by segment through the same path as <c>loom story</c> (offline
/// narrator, continuity validator, storyboard render, H.264 HLS packaging, stitched playlist), timed per segment end to
/// end. Reports seconds per segment and per second of video, frames per second and the real-time ratio, and the share
/// of segments made. Prints a table, then one JSON line. Exit 1 when a segment was not made.
/// </summary>
internal static class StoriesBench
{
    /// <summary>The issue's target: a 10-second 720p segment in under 15 s.</summary>
    public const double TargetSecondsPer10s = 15;

    // A small cast with rules of every kind the validator corrects or checks, so the run does what a real scene does.
    private const string BibleJsonText = """
        {"entities":[{"aliases":["Mira"],"attributes":{"build":"slim","eyes":"green","hair":"black","pronouns":"she","voice":"gruff"},"clothing":[{"colour":"red","item":"cloak"},{"colour":"brown","item":"boots"}],"id":"char_mira","items":["silver locket"],"name":"Mira Vell","temperament":["brave","curious"]},
                     {"aliases":["Tomas"],"attributes":{"build":"stocky","hair":"auburn","pronouns":"he","voice":"warm"},"clothing":[{"colour":"blue","item":"coat"}],"id":"char_tomas","items":["oak staff"],"name":"Tomas Brand","temperament":["gentle"]},
                     {"aliases":["the wolf"],"attributes":{"colour":"grey","family":"canine","size":"large"},"id":"beast_wolf","name":"The Grey Wolf","temperament":["wary"]},
                     {"aliases":["the tower"],"attributes":{"biome":"grassland"},"id":"loc_tower","landmarks":["broken bell tower"],"name":"The Old Tower","palette":["grey","green"]},
                     {"aliases":["the river"],"attributes":{"biome":"wetland"},"id":"loc_river","landmarks":["stone bridge"],"name":"The River Crossing","palette":["brown","olive"]}],
         "format":"worldloom-bible/1",
         "rules":[{"id":"cloak","text":"char_mira always wears red cloak"},{"id":"locket","text":"char_mira always carries silver locket"},
                  {"id":"map","text":"loc_tower is north of loc_river"},{"id":"firearms","text":"no firearms"}]}
        """;

    private static readonly string[] Prompts =
    [
        "Mira climbs the old tower at dawn and finds the bell gone.",
        "Tomas meets Mira at the river and warns her about the wolf.",
        "The wolf circles the tower while Mira and Tomas watch from the gate.",
        "Mira and Tomas cross the stone bridge in the rain.",
        "At night Mira rings an old bell at the tower as Tomas keeps watch.",
    ];

    public static async Task<int> RunAsync(StoriesBenchSettings settings, CancellationToken ct)
    {
        var console = new BenchConsole();
        var bible = BibleJson.Read(Encoding.UTF8.GetBytes(BibleJsonText), out var problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
        var maker = new StoryMaker(new GrammarNarrator());

        // A tiny scene first, unmeasured, so the JIT has optimized the frame loop before the real one is timed.
        var warmup = Directory.CreateTempSubdirectory("loom-bench-stories-warmup-").FullName;
        try
        {
            await maker.AppendAsync(warmup, Manifest(settings with { Width = 320, Height = 180, Fps = 8, DurationSeconds = 3 }, maker), bible, Prompts[0], true, new SilentStoryProgress(), ct);
        }
        finally
        {
            Directory.Delete(warmup, recursive: true);
        }

        var directory = settings.Keep ?? Directory.CreateTempSubdirectory("loom-bench-stories-").FullName;
        var figures = new List<StorySegmentFigures>();
        var load = MachineInfo.LoadAverage();
        try
        {
            var manifest = Manifest(settings, maker);
            console.Run("segments", settings.Segments, advance =>
            {
                for (var i = 0; i < settings.Segments; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var outcome = maker.AppendAsync(directory, manifest, bible, Prompts[i % Prompts.Length], i == 0, new SilentStoryProgress(), ct).GetAwaiter().GetResult();
                    var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    if (outcome.Made)
                    {
                        manifest = outcome.Manifest!;
                        var entry = outcome.Entry!;
                        figures.Add(new StorySegmentFigures(entry.Index, true, Math.Round(seconds, 3), entry.DurationMs / 1000.0, entry.Frames));
                        advance(1, string.Create(CultureInfo.InvariantCulture, $"segment {entry.Index}: {entry.DurationMs / 1000.0:0.0} s of video, {entry.Frames} frames in {seconds:0.00} s"));
                    }
                    else
                    {
                        figures.Add(new StorySegmentFigures(i + 1, false, Math.Round(seconds, 3), 0, 0));
                        advance(1, $"segment {i + 1}: not made ({outcome.Failure?.Message ?? "blocked by continuity"})");
                    }
                }
            });
        }
        finally
        {
            if (settings.Keep is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        var made = figures.Where(f => f.Made).ToList();
        var wall = made.Sum(f => f.WallSeconds);
        var video = made.Sum(f => f.VideoSeconds);
        var frames = made.Sum(f => f.Frames);
        var report = new StoriesBenchReport
        {
            Segments = settings.Segments,
            Width = settings.Width,
            Height = settings.Height,
            Fps = settings.Fps,
            TargetDurationSeconds = settings.DurationSeconds,
            Made = made.Count,
            SuccessRate = Math.Round((double)made.Count / settings.Segments, 3),
            VideoSeconds = Math.Round(video, 3),
            WallSeconds = Math.Round(wall, 3),
            SecondsPerSegment = made.Count == 0 ? 0 : Math.Round(wall / made.Count, 3),
            SecondsPerVideoSecond = video == 0 ? 0 : Math.Round(wall / video, 3),
            FramesPerSecond = wall == 0 ? 0 : Math.Round(frames / wall, 1),
            RealTimeRatio = wall == 0 ? 0 : Math.Round(video / wall, 3),
            SecondsPer10sVideo = video == 0 ? 0 : Math.Round(10 * wall / video, 2),
            TargetMet = video > 0 && 10 * wall / video < TargetSecondsPer10s,
            PerSegment = figures,
            LoadAverage = load,
            Machine = MachineInfo.Describe(),
        };
        Print(report);
        Console.WriteLine(report.ToJson());
        return made.Count == settings.Segments ? 0 : 1;
    }

    private static StoryManifest Manifest(StoriesBenchSettings settings, StoryMaker maker) => new()
    {
        Format = StoryManifest.FormatTag,
        Seed = settings.Seed,
        Narrator = maker.NarratorName,
        Width = settings.Width,
        Height = settings.Height,
        Fps = settings.Fps,
        TargetDurationMs = settings.DurationSeconds * 1000,
        Segments = [],
    };

    private static void Print(StoriesBenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"stories: {report.Segments} segments at {report.Width}×{report.Height} {report.Fps} fps, target {report.TargetDurationSeconds} s each ({report.Machine}, load {report.LoadAverage:0.0})"));
        Console.WriteLine(string.Create(c, $"{"segment",-8} {"made",5} {"video s",8} {"frames",7} {"wall s",8} {"fps",7} {"x real",7}"));
        foreach (var f in report.PerSegment)
        {
            var fps = f.WallSeconds > 0 ? f.Frames / f.WallSeconds : 0;
            var ratio = f.WallSeconds > 0 ? f.VideoSeconds / f.WallSeconds : 0;
            Console.WriteLine(string.Create(c, $"{f.Index,-8} {(f.Made ? "yes" : "no"),5} {f.VideoSeconds,8:0.000} {f.Frames,7} {f.WallSeconds,8:0.00} {fps,7:0.0} {ratio,7:0.00}"));
        }

        Console.WriteLine(string.Create(c, $"all: {report.Made}/{report.Segments} made, {report.SecondsPerSegment:0.00} s per segment, {report.SecondsPerVideoSecond:0.000} s per second of video, {report.FramesPerSecond:0.0} frames/s, {report.RealTimeRatio:0.00}× real time"));
        Console.WriteLine(string.Create(c, $"a 10 s segment: {report.SecondsPer10sVideo:0.00} s (target < {TargetSecondsPer10s:0} s: {(report.TargetMet ? "met" : "missed")})"));
    }
}
