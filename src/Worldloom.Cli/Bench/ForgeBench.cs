using System.Diagnostics;
using System.Security.Cryptography;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Bench;

/// <summary>
/// <c>loom bench forge</c>: the whole world pipeline at several sizes (per-stage times, the canonical document write,
/// cells/s, memory, the world hash each run), then ChaCha20 against OpenSSL's in the same run. Prints a table, then
/// one JSON line.
/// </summary>
internal static class ForgeBench
{
    /// <summary>The least time spent warming up each size (and ChaCha20) before measuring it.</summary>
    public static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(0.5);

    /// <summary>Side of the worlds generated in the warm-up before all sizes.</summary>
    public const int WarmupSide = 128;

    /// <summary>The fewest runs of that warm-up: past both tier-up thresholds with room to spare.</summary>
    public const int MinGlobalWarmupRuns = 100;

    /// <summary>Runs the bench and returns the exit code: 1 if a size gave different worlds on different runs.</summary>
    public static int Run(ForgeBenchSettings settings, CancellationToken ct)
    {
        if (!ChaCha20Poly1305.IsSupported)
        {
            Console.Error.WriteLine("error: this platform has no ChaCha20Poly1305 (OpenSSL 1.1 or later on Linux), the peer this bench compares ChaCha20 with.");
            return 1;
        }

        var console = new BenchConsole();
        var load = MachineInfo.LoadAverage();
        var whole = new CpuWatch();
        var seed = ForgeSeed.Parse(settings.Seed);

        var warmupRuns = 0;
        if (settings.Warmup > TimeSpan.Zero)
        {
            console.Run("warm-up", 1, advance => warmupRuns = WarmUp(seed, settings.Warmup, advance, ct));
        }

        // Progress counts cells generated, so the bar moves at the pace of the work (one 2048² run is 64 256² runs).
        var sizes = new List<SizeResult>();
        var work = settings.Sizes.Sum(s => (double)s * s * (settings.Runs + 1));
        console.Run("pipeline", work, (advance) =>
        {
            foreach (var size in settings.Sizes)
            {
                sizes.Add(MeasureSize(seed, size, settings.Runs, advance, ct));
            }
        });

        ct.ThrowIfCancellationRequested();
        ChaChaResult? chacha = null;
        console.Run("chacha20", settings.Runs, advance => chacha = ChaChaBench.Measure(settings.ChaChaMiB, settings.Runs, advance));

        var report = ForgeBenchReport.From(settings, warmupRuns, sizes, chacha!, MachineInfo.Describe(), load, whole.OtherCoresBusy());
        ForgeBenchTable.Print(settings, sizes, chacha!, report);
        Console.WriteLine(report.ToJson());

        var unstable = sizes.Where(s => !s.HashStable).Select(s => $"{s.Size}²").ToList();
        if (unstable.Count > 0)
        {
            Console.Error.WriteLine($"error: the same seed gave different worlds on different runs at {string.Join(", ", unstable)}: generation is not deterministic.");
            return 1;
        }

        if (!chacha!.MatchesOpenSsl)
        {
            Console.Error.WriteLine("error: our ChaCha20 keystream differs from OpenSSL's for the same key and nonce.");
            return 1;
        }

        return 0;
    }

    // Methods the pipeline calls once per run (each stage's Generate, the chamfer transform, the document writer) reach
    // optimized code only after 30 calls, and 30 more with dynamic PGO, counted from 100 ms after the last new method
    // was compiled; until then they run unoptimized or on-stack-replaced code. Measured without this, a 512² world took
    // 247 ms as the first size and 107 ms after a 2048² one. So: small worlds, over and over, before any size.
    private static int WarmUp(ForgeSeed seed, TimeSpan duration, Action<double, string> advance, CancellationToken ct)
    {
        var parameters = new WorldParameters { Width = WarmupSide, Height = WarmupSide };
        var start = Stopwatch.GetTimestamp();
        var runs = 0;
        while (runs < MinGlobalWarmupRuns || Stopwatch.GetElapsedTime(start) < duration)
        {
            Once(seed, parameters, ct);
            runs++;
        }

        advance(1, $"warm-up: {runs} runs of {WarmupSide}² in {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s");
        return runs;
    }

    private static SizeResult MeasureSize(ForgeSeed seed, int size, int runs, Action<double, string> advance, CancellationToken ct)
    {
        var parameters = new WorldParameters { Width = size, Height = size };
        var cells = (double)size * size;

        // A warm-up per size as well, so the GC sizes its heap for it and code only large worlds reach gets promoted:
        // at least one run and at least MinWarmup. Its hashes must match the rest.
        var warmupStart = Stopwatch.GetTimestamp();
        var warmups = new List<string>();
        PipelineRun last;
        do
        {
            last = Once(seed, parameters, ct);
            warmups.Add(last.Hash);
        }
        while (Stopwatch.GetElapsedTime(warmupStart) < MinWarmup);

        advance(cells, $"{size}²: warm-up {warmups.Count} runs in {Stopwatch.GetElapsedTime(warmupStart).TotalSeconds:0.0} s, the last {last.PipelineMs:0} ms");

        Collect();
        var reset = MachineInfo.ResetPeakResident();
        var watch = new CpuWatch();
        var measured = new List<PipelineRun>();
        for (var run = 0; run < runs; run++)
        {
            // Each run starts from a collected heap, so it does not pay for collecting the previous run's garbage.
            Collect();
            measured.Add(Once(seed, parameters, ct));
            advance(cells, $"{size}²: run {run + 1}/{runs} {measured[^1].PipelineMs:0} ms + document {measured[^1].DocumentMs:0} ms");
        }

        return new SizeResult(size, measured, warmups, reset ? MachineInfo.PeakResidentBytes() : null, watch.OtherCoresBusy());
    }

    private static PipelineRun Once(ForgeSeed seed, WorldParameters parameters, CancellationToken ct)
    {
        var clock = new StageClock();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var world = WorldPipeline.Generate(seed, parameters, clock, ct);
        var pipelineMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var cpuMs = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        start = Stopwatch.GetTimestamp();
        var document = WorldDocument.Write(world, []);
        var documentMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new PipelineRun(pipelineMs, cpuMs, clock.StageMs, documentMs, allocated, document.Length, WorldDocument.Hash(document));
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
