using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Export.Bundles;
using Worldloom.Forge.Export.Engines;

namespace Worldloom.Forge.Export;

/// <summary>
/// The one way to export a world: runs the chosen engines' exporters (in parallel), then writes them as one signed,
/// deterministic bundle. Used by the server's export job, <c>loom world export</c> and <c>loom bench forge-export</c>.
/// </summary>
public static class WorldExport
{
    /// <summary>Exports <paramref name="source"/> to <paramref name="engines"/> and writes the bundle to <paramref name="output"/>.</summary>
    public static ExportResult Run(
        ExportSource source,
        IReadOnlyList<string> engines,
        IBundleSigner signer,
        Stream output,
        IExportObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(output);
        var chosen = ExportEngines.Parse([.. engines], out var error) ?? throw new ArgumentException(error, nameof(engines));
        var sets = new EngineFiles[chosen.Count];
        Parallel.For(0, chosen.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var engine = chosen[i];
            observer?.EngineStarted(engine);
            var files = new EngineFiles(engine);
            ExportEngines.Exporter(engine).Export(source, files);
            sets[i] = files;
            observer?.EngineFinished(engine, files.Files.Count, files.TotalBytes);
        });

        observer?.Packing();
        var manifest = BundleWriter.Write(output, [.. sets.SelectMany(s => s.Files)], chosen, World(source), signer, cancellationToken);
        return new ExportResult(manifest, [.. sets.Select(s => new EngineResult(s.Engine, s.Files.Count, s.TotalBytes))]);
    }

    /// <summary>The manifest's record of the world.</summary>
    public static BundleWorld World(ExportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        WorldDocument.WriteParameters(new CanonicalJsonWriter(buffer), source.World.Parameters);
        using var parameters = JsonDocument.Parse(buffer.WrittenMemory);
        var seed = source.World.Seed;
        return new BundleWorld(source.Hash, seed.Text, seed.Integer is null ? "string" : "integer", WorldPipeline.GeneratorVersion, parameters.RootElement.Clone());
    }
}
