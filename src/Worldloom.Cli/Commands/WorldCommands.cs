using System.CommandLine;
using Worldloom.Cli.Forge;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Worlds;

namespace Worldloom.Cli.Commands;

/// <summary>
/// <c>loom world generate|render|batch|export</c>: Forge fully offline, no server and no database (docs/forge.md). Bad input
/// exits 2 with a message naming the option and writes nothing; stdout carries only the answer.
/// </summary>
internal static class WorldCommands
{
    private const string DocumentStep = "document";

    public static Command Create() => new("world", "Generate, render and batch worlds offline (no server, no database)")
    {
        Generate(),
        Render(),
        Batch(),
        ExportCommand.Create(),
    };

    private static Command Generate()
    {
        var seed = new Option<string>("--seed") { Description = "Seed: an integer, or any text up to 256 characters", Required = true };
        var world = new WorldOptions();
        var overrides = new Option<string?>("--overrides") { Description = "JSON file with an array of overrides to apply after generation and store with the world" };
        var rules = new Option<string?>("--rules") { Description = "JavaScript file with scripted rules (onStage(world, rng) hooks; see docs/forge.md)" };
        var output = new Option<string>("--out") { Description = "World document to write (canonical JSON)", Required = true };
        var command = new Command("generate", "Generate a world and write its canonical document; prints 'world <sha256>'") { seed };
        world.AddTo(command);
        command.Options.Add(overrides);
        command.Options.Add(rules);
        command.Options.Add(output);
        command.SetAction((result, ct) =>
        {
            var errors = new List<string>();
            ForgeSeed? parsedSeed = null;
            string? rulesSource = null;
            if (result.GetValue(rules) is { } rulesPath)
            {
                rulesSource = WorldFiles.ReadRules(rulesPath, out var error);
                if (error is not null)
                {
                    errors.Add(error);
                }
            }

            try
            {
                parsedSeed = ForgeSeed.Parse(result.GetValue(seed)!);
            }
            catch (ArgumentException e)
            {
                errors.Add($"--seed: {e.Message}");
            }

            var parameters = world.Parameters(result, errors);
            IReadOnlyList<WorldOverride> edits = [];
            if (result.GetValue(overrides) is { } overridesPath)
            {
                edits = WorldFiles.ReadOverrides(overridesPath, out var error) ?? [];
                if (error is not null)
                {
                    errors.Add(error);
                }
            }

            if (errors.Count > 0 || parsedSeed is null || parameters is null)
            {
                return Task.FromResult(Fail(errors));
            }

            return Task.FromResult(Guard(() =>
            {
                try
                {
                    var hash = new ForgeConsole().WithStages([DocumentStep], (observer, stepDone) =>
                    {
                        var built = WorldBuild.Run(parsedSeed, parameters, rulesSource, edits, observer, ct);
                        WorldFiles.WriteAtomically(result.GetValue(output)!, built.Document);
                        stepDone(DocumentStep);
                        return built.Hash;
                    });
                    Console.WriteLine($"world {hash}");
                    return 0;
                }
                catch (WorldBuildException e)
                {
                    // Scripts and overrides are the user's input: their errors are answers, not crashes.
                    return Fail([$"{(e.Field == "rules" ? "--rules" : "--overrides")}: {e.Field}: {e.Reason}"]);
                }
            }));
        });
        return command;
    }

    private static Command Render()
    {
        var file = new Argument<string>("world") { Description = "World document (from loom world generate)" };
        var layer = new Option<string>("--layer") { Description = $"Map layer: {string.Join(", ", MapLayerNames.All)}", Required = true };
        var maxSide = new Option<int?>("--max-side") { Description = "Scale down so the longer side is at most N pixels (default: one pixel per cell)" };
        var output = new Option<string>("--out") { Description = "PNG file to write", Required = true };
        var command = new Command("render", "Render a world document as a PNG map") { file, layer, maxSide, output };
        command.SetAction(result =>
        {
            var errors = new List<string>();
            if (!MapLayerNames.TryParse(result.GetValue(layer), out var mapLayer))
            {
                errors.Add($"--layer: unknown layer '{result.GetValue(layer)}'; expected one of {string.Join(", ", MapLayerNames.All)}.");
            }

            if (result.GetValue(maxSide) is < 1)
            {
                errors.Add("--max-side: must be at least 1.");
            }

            if (errors.Count > 0)
            {
                return Fail(errors);
            }

            var world = WorldFiles.ReadWorld(result.GetValue(file)!, out var error);
            if (world is null)
            {
                return Fail([error!]);
            }

            if (world.Heightmap is null)
            {
                return Fail([$"{result.GetValue(file)}: the world has no heightmap to render."]);
            }

            return Guard(() =>
            {
                var image = MapRenderer.Render(world, mapLayer, result.GetValue(maxSide) ?? 0);
                WorldFiles.WriteAtomically(result.GetValue(output)!, PngEncoder.Encode(image));
                Console.Error.WriteLine($"rendered {MapLayerNames.ToName(mapLayer)} {image.Width}×{image.Height} to {result.GetValue(output)}");
                return 0;
            });
        });
        return command;
    }

    private static Command Batch()
    {
        var seeds = new Option<string>("--seeds") { Description = $"Integer seeds: a range 1..100, a list 1,5,9, or both (at most {SeedList.MaxSeeds})", Required = true };
        var world = new WorldOptions();
        var output = new Option<string>("--out") { Description = "Directory for summary.json, summary.csv and the thumbnails", Required = true };
        var keep = new Option<bool>("--keep-worlds") { Description = "Also write each world document (seed_N.world.json)" };
        var command = new Command("batch", "Generate many seeds in parallel; writes a summary table and a biome thumbnail per seed") { seeds };
        world.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(keep);
        command.SetAction((result, ct) =>
        {
            var errors = new List<string>();
            var list = SeedList.Parse(result.GetValue(seeds)!, out var seedError);
            if (seedError is not null)
            {
                errors.Add(seedError);
            }

            var parameters = world.Parameters(result, errors);
            if (errors.Count > 0 || list is null || parameters is null)
            {
                return Task.FromResult(Fail(errors));
            }

            var directory = result.GetValue(output)!;
            return Task.FromResult(Guard(() =>
            {
                IReadOnlyList<WorldBatch.Entry> entries = [];
                new ForgeConsole().WithCounter("worlds", list.Count, done => entries = WorldBatch.Run(list, parameters, directory, result.GetValue(keep), done, ct));
                Console.WriteLine($"batch {entries.Count} worlds in {Path.GetFullPath(directory)}");
                return 0;
            }));
        });
        return command;
    }

    // A file that cannot be written (no space, no permission, a directory in the way) is reported, not thrown; a batch
    // reports the first of its workers' failures.
    internal static int Guard(Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (Unwrap(e) is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {Unwrap(e).Message}");
            return 1;
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;

    internal static int Fail(IReadOnlyList<string> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        return 2;
    }
}
