using System.Buffers;
using System.Globalization;
using System.Text;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Forge;

/// <summary>
/// <c>loom world batch</c>: many seeds of one parameter set, generated in parallel over the cores, each summarised
/// with a thumbnail; the tables list them in seed order whatever order they finished in.
/// </summary>
internal static class WorldBatch
{
    /// <summary>Longest side of a batch thumbnail.</summary>
    public const int ThumbnailSide = 128;

    /// <summary>One generated seed.</summary>
    public sealed record Entry(long Seed, string Hash, WorldSummary Summary, string Thumbnail, string? WorldFile);

    /// <summary>Generates every seed into <paramref name="directory"/> and writes <c>summary.json</c> and <c>summary.csv</c>.</summary>
    public static IReadOnlyList<Entry> Run(IReadOnlyList<long> seeds, WorldParameters parameters, string directory, bool keepWorlds, Action done, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var entries = new Entry[seeds.Count];

        // Worlds are independent: each task owns its world, its files and its slot in entries, so the order in which
        // they finish changes nothing. The heightmap stage parallelises inside too; the thread pool shares the cores.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        Parallel.For(0, seeds.Count, options, i =>
        {
            var seed = ForgeSeed.FromInt64(seeds[i]);
            var world = WorldPipeline.Generate(seed, parameters, cancellationToken: ct);
            var document = WorldDocument.Write(world, []);
            var name = "seed_" + seed.Text;
            string? worldFile = null;
            if (keepWorlds)
            {
                worldFile = name + ".world.json";
                WorldFiles.WriteAtomically(Path.Combine(directory, worldFile), document);
            }

            var thumbnail = name + ".png";
            WorldFiles.WriteAtomically(Path.Combine(directory, thumbnail), PngEncoder.Encode(MapRenderer.Render(world, MapLayer.Biomes, ThumbnailSide)));
            entries[i] = new Entry(seeds[i], WorldDocument.Hash(document), WorldSummary.From(world), thumbnail, worldFile);
            done();
        });

        WorldFiles.WriteAtomically(Path.Combine(directory, "summary.json"), SummaryJson(entries, parameters));
        WorldFiles.WriteAtomically(Path.Combine(directory, "summary.csv"), Encoding.UTF8.GetBytes(SummaryCsv(entries)));
        return entries;
    }

    /// <summary>The batch table as canonical JSON: generator, parameters, then one object per seed in seed order.</summary>
    public static byte[] SummaryJson(IReadOnlyList<Entry> entries, WorldParameters parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new CanonicalJsonWriter(buffer);
        w.StartObject();
        w.Name("generator");
        w.String(WorldPipeline.GeneratorVersion);
        w.Name("parameters");
        WorldDocument.WriteParameters(w, parameters);
        w.Name("worlds");
        w.StartArray();
        foreach (var e in entries)
        {
            w.StartObject();
            w.Name("biomes");
            w.StartObject();
            foreach (var (biome, share) in e.Summary.Biomes.OrderBy(b => BiomeNames.ToName(b.Key), CanonicalJsonWriter.KeyComparer))
            {
                w.Name(BiomeNames.ToName(biome));
                w.Integer(share);
            }

            w.EndObject();
            w.Name("hash");
            w.String(e.Hash);
            w.Name("lakes");
            w.Integer(e.Summary.Lakes);
            w.Name("landPermille");
            w.Integer(e.Summary.LandPermille ?? 0);
            w.Name("rivers");
            w.Integer(e.Summary.Rivers);
            w.Name("seed");
            w.String(e.Seed.ToString(CultureInfo.InvariantCulture));
            w.Name("settlements");
            w.Integer(e.Summary.Settlements);
            w.Name("thumbnail");
            w.String(e.Thumbnail);
            if (e.WorldFile is not null)
            {
                w.Name("world");
                w.String(e.WorldFile);
            }

            w.EndObject();
        }

        w.EndArray();
        w.EndObject();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The batch table as CSV: one row per seed, a per-mille column for every biome (0 where absent).</summary>
    public static string SummaryCsv(IReadOnlyList<Entry> entries)
    {
        var csv = new StringBuilder();
        csv.Append("seed,hash,land_permille,settlements,rivers,lakes");
        foreach (var name in BiomeNames.All)
        {
            csv.Append(',').Append(name);
        }

        csv.Append('\n');
        foreach (var e in entries)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{e.Seed},{e.Hash},{e.Summary.LandPermille ?? 0},{e.Summary.Settlements},{e.Summary.Rivers},{e.Summary.Lakes}");
            for (var b = 0; b < BiomeNames.All.Count; b++)
            {
                csv.Append(',').Append(e.Summary.BiomePermille((Biome)b).ToString(CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }
}
