using System.CommandLine;
using System.Globalization;
using Worldloom.Cli.Forge;
using Worldloom.Cli.Stories;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Core.Worlds;
using Worldloom.Stories.Render;

namespace Worldloom.Cli.Commands;

/// <summary>
/// <c>loom story new|continue</c>: scenes rendered offline into a directory, no server and no database
/// (docs/stories.md, "Command line"). Bad input exits 2 naming the option and writes nothing; a segment the
/// continuity validator blocks exits 3 naming the rule and leaves the story as it was; stdout carries only the answer.
/// </summary>
internal static class StoryCommands
{
    /// <summary>Exit code of a segment blocked by the bible's rules.</summary>
    public const int Blocked = 3;

    public static Command Create() => new("story", "Tell a scene as video segments offline: narrate, check continuity against the bible, render, package (no server)")
    {
        New(),
        Continue(),
    };

    private static Command New()
    {
        var prompt = Prompt();
        var world = new Option<string?>("--world") { Description = "Forge world document (loom world generate): its settlements, people and bestiary become the bible" };
        var bibleFile = new Option<string?>("--bible") { Description = "Scene bible (worldloom-bible/1 JSON); without --world or --bible the bible starts empty" };
        var seed = new Option<ulong>("--seed") { Description = "Seed every segment of the story is narrated with", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Story directory to create (new or empty)", Required = true };
        var width = new Option<int>("--width") { Description = "Frame width", DefaultValueFactory = _ => 1280 };
        var height = new Option<int>("--height") { Description = "Frame height", DefaultValueFactory = _ => 720 };
        var fps = new Option<int>("--fps") { Description = "Frames per second", DefaultValueFactory = _ => 24 };
        var duration = Duration(10);
        var command = new Command("new", "Start a story in a new directory with its first segment; writes the bible, story.json, segment_001/ and the scene playlist")
        {
            prompt, world, bibleFile, seed, output, width, height, fps, duration,
        };
        command.SetAction(async (result, ct) =>
        {
            var errors = new List<string>();
            var text = CheckPrompt(result.GetValue(prompt), errors);
            var directory = result.GetValue(output)!;
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                errors.Add($"--out: {directory} already holds files; choose a new or empty directory ('loom story continue {directory}' adds to a story).");
            }
            else if (File.Exists(directory))
            {
                errors.Add($"--out: {directory} is a file.");
            }

            var render = new RenderOptions { Width = result.GetValue(width), Height = result.GetValue(height), Fps = result.GetValue(fps), ThumbnailWidth = Math.Min(320, result.GetValue(width)) };
            errors.AddRange(render.Check().Select(e => $"--{e.Field}: {e.Message}"));
            var targetMs = CheckDuration(result.GetValue(duration), errors);
            var bible = ReadBible(result.GetValue(world), result.GetValue(bibleFile), errors);
            if (errors.Count > 0 || bible is null)
            {
                return WorldCommands.Fail(errors);
            }

            var maker = new StoryMaker(new GrammarNarrator());
            var manifest = new StoryManifest
            {
                Format = StoryManifest.FormatTag,
                Seed = result.GetValue(seed),
                Narrator = maker.NarratorName,
                Width = render.Width,
                Height = render.Height,
                Fps = render.Fps,
                TargetDurationMs = targetMs,
                Segments = [],
            };
            var created = !Directory.Exists(directory);
            var exit = await AppendAsync(maker, directory, manifest, bible, text!, writeBible: true, ct);
            if (exit != 0 && created && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                // A first segment that was not made leaves no empty story directory behind.
                Directory.Delete(directory);
            }

            return exit;
        });
        return command;
    }

    private static Command Continue()
    {
        var directory = new Argument<string>("dir") { Description = "Story directory (from loom story new)" };
        var prompt = Prompt();
        var duration = new Option<int?>("--duration") { Description = "Seconds the segment should run (3–30; default: the story's)" };
        var command = new Command("continue", "Append the next segment to a story directory and rewrite the stitched scene playlist") { directory, prompt, duration };
        command.SetAction(async (result, ct) =>
        {
            var errors = new List<string>();
            var text = CheckPrompt(result.GetValue(prompt), errors);
            var path = result.GetValue(directory)!;
            var manifest = StoryManifest.Read(path, out var error);
            if (error is not null)
            {
                errors.Add(error);
            }

            SceneBible? bible = null;
            if (manifest is not null)
            {
                bible = ReadBibleFile(Path.Combine(path, StoryMaker.BibleFile), "", errors);
                if (result.GetValue(duration) is { } seconds)
                {
                    manifest = manifest with { TargetDurationMs = CheckDuration(seconds, errors) };
                }
            }

            if (errors.Count > 0 || manifest is null || bible is null)
            {
                return WorldCommands.Fail(errors);
            }

            return await AppendAsync(new StoryMaker(new GrammarNarrator()), path, manifest, bible, text!, writeBible: false, ct);
        });
        return command;
    }

    private static async Task<int> AppendAsync(StoryMaker maker, string directory, StoryManifest manifest, SceneBible bible, string prompt, bool writeBible, CancellationToken ct)
    {
        SegmentOutcome outcome;
        try
        {
            outcome = await new StoryConsole().RunAsync(progress => maker.AppendAsync(directory, manifest, bible, prompt, writeBible, progress, ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidShotPlanException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        if (outcome.Failure is { } failure)
        {
            // The offline narrator fails only on its request, which is the user's input.
            return WorldCommands.Fail([.. failure.Problems.Select(p => $"{OptionOf(p.Field)}: {p.Message}").DefaultIfEmpty(failure.Message)]);
        }

        if (!outcome.Made)
        {
            var segment = manifest.Segments.Count + 1;
            foreach (var violation in outcome.Report!.Violations)
            {
                var shot = violation.Shot is { } s ? $" shot {s + 1}," : "";
                Console.Error.WriteLine($"error: continuity: segment {segment} blocked by rule '{violation.Rule}' ({violation.RuleText}):{shot} {violation.Path}: {violation.Message}");
            }

            Console.Error.WriteLine("nothing was written; change the prompt, or correct the bible.");
            return Blocked;
        }

        var entry = outcome.Entry!;
        var total = outcome.Manifest!.Segments.Sum(s => s.DurationMs) / 1000.0;
        var full = Path.GetFullPath(directory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segment {entry.Index} {Path.Combine(full, entry.Directory)} {entry.DurationMs / 1000.0:0.000} s, {entry.Frames} frames, {entry.Corrections} corrections"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scene {Path.Combine(full, StoryMaker.SceneFile)} {outcome.Manifest.Segments.Count} segments, {total:0.000} s"));
        return 0;
    }

    private static Option<string> Prompt() => new("--prompt") { Description = $"What happens in the segment (1–{NarrationRequest.MaxPromptLength} characters)", Required = true };

    private static Option<int> Duration(int seconds) =>
        new("--duration") { Description = $"Seconds each segment should run ({NarrationRequest.MinDurationMs / 1000}–{NarrationRequest.MaxDurationMs / 1000})", DefaultValueFactory = _ => seconds };

    private static string? CheckPrompt(string? prompt, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            errors.Add("--prompt: must not be empty.");
            return null;
        }

        if (prompt.Length > NarrationRequest.MaxPromptLength)
        {
            errors.Add($"--prompt: at most {NarrationRequest.MaxPromptLength} characters; got {prompt.Length}.");
            return null;
        }

        return prompt;
    }

    private static int CheckDuration(int seconds, List<string> errors)
    {
        var ms = (long)seconds * 1000;
        if (ms is < NarrationRequest.MinDurationMs or > NarrationRequest.MaxDurationMs)
        {
            errors.Add($"--duration: must be from {NarrationRequest.MinDurationMs / 1000} to {NarrationRequest.MaxDurationMs / 1000} seconds; got {seconds}.");
            return NarrationRequest.MinDurationMs;
        }

        return (int)ms;
    }

    private static SceneBible? ReadBible(string? world, string? bibleFile, List<string> errors)
    {
        if (world is not null && bibleFile is not null)
        {
            errors.Add("--world, --bible: give one of them, not both.");
            return null;
        }

        if (bibleFile is not null)
        {
            return ReadBibleFile(bibleFile, "--bible: ", errors);
        }

        if (world is not null)
        {
            var forge = WorldFiles.ReadWorld(world, out var error);
            if (forge is null)
            {
                errors.Add($"--world: {error}");
                return null;
            }

            var seeded = WorldBible.FromWorld(forge);
            errors.AddRange(seeded.Errors.Select(e => $"--world: {world}: the bible it gives: {e.Field}: {e.Message}"));
            return seeded.Bible;
        }

        var empty = SceneBible.Create([], []);
        return empty.Bible;
    }

    private static SceneBible? ReadBibleFile(string path, string prefix, List<string> errors)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            errors.Add($"{prefix}{path}: no such file.");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{prefix}{path}: {e.Message}");
            return null;
        }

        var bible = BibleJson.Read(bytes, out var problems);
        errors.AddRange(problems.Select(p => $"{prefix}{path}: {p.Field}: {p.Message}"));
        return problems.Count == 0 ? bible : null;
    }

    private static string OptionOf(string field) => field switch
    {
        "prompt" => "--prompt",
        "targetDurationMs" => "--duration",
        _ => field,
    };
}
