using System.Globalization;
using Worldloom.Forge.Core.Pipeline;

namespace Worldloom.Cli.Bench;

/// <summary>The human-readable part of <c>loom bench forge</c>'s output, printed before the JSON line.</summary>
internal static class ForgeBenchTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the tables to standard output.</summary>
    public static void Print(ForgeBenchSettings settings, IReadOnlyList<SizeResult> sizes, ChaChaResult chacha, ForgeBenchReport report)
    {
        var load = report.LoadAvg1m is { } l ? l.ToString("0.00", Inv) : "unknown";
        Line($"loom bench forge: seed {settings.Seed}, warm-up {report.WarmupRuns} worlds of {ForgeBench.WarmupSide}² in at least {settings.Warmup.TotalSeconds:0.#} s, then per size at least {ForgeBench.MinWarmup.TotalSeconds:0.#} s of warm-up and {settings.Runs} measured runs; {report.Machine}; load average {load}, other processes kept {Cores(report.OtherCoresBusy)} cores busy");
        Console.WriteLine();
        Line($"Pipeline wall time (median of the runs, and the best), process CPU time, and the document write after it:");
        Line($"{"size",-7} {"cells",10} {"pipeline ms",12} {"best ms",9} {"cpu ms",9} {"document ms",12} {"cells/s",11} {"ms/Mcell",9} {"cpu ms/Mcell",13} {"alloc MiB",10} {"peak RSS MiB",13} {"other cores",12}");
        foreach (var s in sizes)
        {
            Line($"{Side(s.Size),-7} {s.Cells,10:N0} {s.PipelineMsMedian,12:0.0} {s.PipelineMsBest,9:0.0} {s.CpuMsMedian,9:0} {s.DocumentMsMedian,12:0.0} {s.CellsPerSecond,11:N0} {s.MsPerMillionCells,9:0.0} {s.CpuMsPerMillionCells,13:0.0} {s.AllocatedBytesMedian / (1024 * 1024),10:0.0} {(s.PeakResidentBytes / (1024.0 * 1024))?.ToString("0.0", Inv) ?? "-",13} {Cores(s.OtherCoresBusy),12}");
        }

        Console.WriteLine();
        Line($"Stages, median ms (each stage's own median; * the slowest of its size):");
        Line($"{"stage",-12}{Columns(sizes, s => Side(s.Size))}");
        var stages = WorldPipeline.Stages;
        for (var i = 0; i < stages.Count; i++)
        {
            var index = i;
            Line($"{stages[i].Name,-12}{Columns(sizes, s => Mark(s, index))}");
        }

        Line($"{"pipeline",-12}{Columns(sizes, s => s.PipelineMsMedian.ToString("0.0 ", Inv))}");
        Line($"{"document",-12}{Columns(sizes, s => s.DocumentMsMedian.ToString("0.0 ", Inv))}");
        Console.WriteLine();

        if (report.Linearity is { } lin)
        {
            Line($"Linearity: {Side(lin.ToSize)} costs {lin.PerCellRatio:0.00}× per cell what {Side(lin.FromSize)} costs in wall time, {lin.CpuPerCellRatio:0.00}× in CPU time (1.00 is linear in cells).");
        }

        Line($"Memory: 'alloc MiB' is the managed bytes one pipeline run allocated (GC.GetTotalAllocatedBytes delta, median); 'peak RSS MiB' is the process's peak resident set (VmHWM, reset before the size's measured runs), runtime and the GC's retained heap included.");
        foreach (var s in sizes)
        {
            Line($"world {Side(s.Size),-6} {s.Hash}  {(s.HashStable ? $"same on all {s.AllRuns} runs ({s.WarmupHashes.Count} warm-up)" : "DIFFERS BETWEEN RUNS")}");
        }

        Console.WriteLine();
        var path = chacha.VectorBits == 0 ? "scalar" : $"{chacha.VectorBits}-bit vectors, {chacha.VectorBits / 32} blocks at once";
        Line($"ChaCha20 keystream, {settings.ChaChaMiB} MiB per run in {ChaChaBench.ChunkBytes / (1024 * 1024)} MiB chunks, {settings.Runs} runs (best / median GiB/s):");
        Line($"  {"ours: ChaCha20.Blocks (" + path + ")",-62} {chacha.OursGiBs.Max(),6:0.00} / {Stats.Median(chacha.OursGiBs):0.00}");
        Line($"  {"OpenSSL " + (chacha.OpenSslVersion ?? "") + ": ChaCha20Poly1305.Encrypt of zeros",-62} {chacha.OpenSslGiBs.Max(),6:0.00} / {Stats.Median(chacha.OpenSslGiBs):0.00}");
        Line($"  OpenSSL's figure includes a Poly1305 tag over every chunk, so its keystream alone is faster than shown.");
        Line($"  ours / OpenSSL (best): {report.ChaCha20.OursVsOpenSsl:0.00}; keystreams equal for the same key and nonce: {(chacha.MatchesOpenSsl ? "yes" : "NO")}");
        Line($"  {"ChaChaRng.NextUInt32 (what the stages draw), M values/s",-62} {chacha.RngMValuesPerS.Max(),6:0} / {Stats.Median(chacha.RngMValuesPerS):0}");
        Console.WriteLine();

        var t = report.TargetsMet;
        Line($"Targets (medians): 512² pipeline under 0.5 s: {Verdict(t.Pipeline512Under500Ms)}; 2048² under 8 s: {Verdict(t.Pipeline2048Under8S)}; ChaCha20 at least 1 GiB/s: {Verdict(t.Chacha20Over1GibS)}");
    }

    private static string Columns(IReadOnlyList<SizeResult> sizes, Func<SizeResult, string> cell) =>
        string.Concat(sizes.Select(s => $" {cell(s),10}"));

    private static string Mark(SizeResult s, int stage)
    {
        var ms = s.StageMsMedian(stage);
        var slowest = Enumerable.Range(0, WorldPipeline.Stages.Count).MaxBy(s.StageMsMedian);
        return ms.ToString("0.0", Inv) + (stage == slowest ? "*" : " ");
    }

    private static string Side(int size) => $"{size}²";

    private static string Cores(double? cores) => cores?.ToString("0.00", Inv) ?? "?";

    private static string Verdict(bool? met) => met switch { true => "yes", false => "NO", null => "not measured" };

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(Inv));
}
