using System.Collections.Concurrent;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines;

namespace Worldloom.Forge.Export.Tests;

/// <summary>Generated worlds for the export tests, made once per size and seed and shared (exports never modify them).</summary>
internal static class ExportWorlds
{
    private static readonly ConcurrentDictionary<(string Seed, int Width, int Height), Lazy<ExportSource>> Cache = new();

    /// <summary>A generated world wrapped for export; 128 × 96 by default, so tests run in well under a second each.</summary>
    public static ExportSource Source(string seed = "dragon coast", int width = 128, int height = 96) =>
        Cache.GetOrAdd((seed, width, height), key => new Lazy<ExportSource>(() =>
        {
            var world = WorldPipeline.Generate(ForgeSeed.Parse(key.Seed), new WorldParameters { Width = key.Width, Height = key.Height });
            return new ExportSource(world, WorldDocument.Write(world, []));
        })).Value;

    /// <summary>Runs one exporter into a fresh file set.</summary>
    public static EngineFiles Export(IEngineExporter exporter, ExportSource source)
    {
        var files = new EngineFiles(exporter.Engine);
        exporter.Export(source, files);
        return files;
    }
}
