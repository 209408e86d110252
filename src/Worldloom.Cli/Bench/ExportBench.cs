using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export;
using Worldloom.Forge.Export.Engines;

namespace Worldloom.Cli.Bench;

/// <summary>
/// <c>loom bench forge-export</c>: one world (1024² by default) to each engine alone, then to all nine as one signed
/// bundle; time and size per engine and for the bundle. Prints a table, then one JSON line. Exit 1 if two runs gave
/// different bundles.
/// </summary>
internal static class ExportBench
{
    /// <summary>The issue's target: the whole bundle of a 1024² world in under 3 s.</summary>
    public const double TargetMs = 3000;

    public static int Run(ExportBenchSettings settings, CancellationToken ct)
    {
        var console = new BenchConsole();
        using var signer = new BenchSigner();
        ForgeWorld world = null!;
        byte[] document = [];
        console.Run("world", 1, advance =>
        {
            var start = Stopwatch.GetTimestamp();
            world = WorldPipeline.Generate(ForgeSeed.Parse(settings.Seed), new WorldParameters { Width = settings.Size, Height = settings.Size }, cancellationToken: ct);
            document = WorldDocument.Write(world, []);
            advance(1, $"world {settings.Size}² generated in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms (not measured)");
        });

        // One small export of everything first, so the exporters run optimized code when measured.
        var small = WorldPipeline.Generate(ForgeSeed.Parse(settings.Seed), new WorldParameters { Width = 128, Height = 128 }, cancellationToken: ct);
        var smallDocument = WorldDocument.Write(small, []);
        for (var i = 0; i < 3; i++)
        {
            WorldExport.Run(new ExportSource(small, smallDocument), ExportEngines.All, signer, Stream.Null, cancellationToken: ct);
        }

        var engines = new Dictionary<string, ExportEngineFigures>(StringComparer.Ordinal);
        console.Run("engines", ExportEngines.All.Count * settings.Runs, advance =>
        {
            foreach (var engine in ExportEngines.All)
            {
                var times = new List<double>();
                EngineFiles files = null!;
                for (var run = 0; run < settings.Runs; run++)
                {
                    Collect();
                    var source = new ExportSource(world, document);
                    files = new EngineFiles(engine);
                    var start = Stopwatch.GetTimestamp();
                    ExportEngines.Exporter(engine).Export(source, files);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    advance(1, $"{engine}: run {run + 1}/{settings.Runs} {times[^1]:0} ms");
                }

                engines[engine] = new ExportEngineFigures(Math.Round(Stats.Median(times), 1), files.Files.Count, files.TotalBytes);
            }
        });

        var bundleTimes = new List<double>();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        long bundleBytes = 0;
        var bundleFiles = 0;
        console.Run("bundle", settings.Runs, advance =>
        {
            for (var run = 0; run < settings.Runs; run++)
            {
                Collect();
                using var output = new MemoryStream();
                var start = Stopwatch.GetTimestamp();
                var result = WorldExport.Run(new ExportSource(world, document), ExportEngines.All, signer, output, cancellationToken: ct);
                bundleTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                hashes.Add(Convert.ToHexStringLower(SHA256.HashData(output.GetBuffer().AsSpan(0, (int)output.Length))));
                bundleBytes = output.Length;
                bundleFiles = result.Manifest.Files.Count + 2;
                advance(1, $"bundle: run {run + 1}/{settings.Runs} {bundleTimes[^1]:0} ms, {output.Length} bytes");
            }
        });

        var bundleMs = Math.Round(Stats.Median(bundleTimes), 1);
        var report = new ExportBenchReport
        {
            Size = settings.Size,
            Seed = settings.Seed,
            Runs = settings.Runs,
            Engines = engines,
            BundleMs = bundleMs,
            BundleBytes = bundleBytes,
            BundleFiles = bundleFiles,
            BundleSha256 = hashes.First(),
            Deterministic = hashes.Count == 1,
            TargetMet = bundleMs < TargetMs,
            Machine = MachineInfo.Describe(),
        };
        Print(report);
        Console.WriteLine(report.ToJson());
        if (!report.Deterministic)
        {
            Console.Error.WriteLine("error: the same world gave different bundles on different runs: exports are not deterministic.");
            return 1;
        }

        return 0;
    }

    private static void Print(ExportBenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"forge-export: world {report.Size}² seed {report.Seed}, median of {report.Runs} runs ({report.Machine})"));
        Console.WriteLine(string.Create(c, $"{"engine",-10} {"ms",9} {"files",6} {"MiB",9}"));
        foreach (var (engine, f) in report.Engines)
        {
            Console.WriteLine(string.Create(c, $"{engine,-10} {f.Ms,9:0.0} {f.Files,6} {f.Bytes / 1048576.0,9:0.00}"));
        }

        Console.WriteLine(string.Create(c, $"{"bundle",-10} {report.BundleMs,9:0.0} {report.BundleFiles,6} {report.BundleBytes / 1048576.0,9:0.00}  (zip; target < {TargetMs:0} ms: {(report.TargetMet ? "met" : "missed")})"));
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
