using System.Diagnostics;

namespace Worldloom.Cli.Bench;

/// <summary>
/// How busy the machine was while a stretch of the bench ran: this process's cores and everyone else's, so a figure
/// can be read with its noise (on a shared 2-core machine another build can halve a parallel stage's speed).
/// </summary>
internal sealed class CpuWatch
{
    private readonly TimeSpan _cpuBefore = Environment.CpuUsage.TotalTime;
    private readonly (long Busy, long Total)? _hostBefore = MachineInfo.CpuTicks();
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>
    /// Cores other processes kept busy on average since this watch started (<c>/proc/stat</c> minus this process), or
    /// null where the machine's totals cannot be read.
    /// </summary>
    public double? OtherCoresBusy()
    {
        var elapsed = Stopwatch.GetElapsedTime(_start);
        var own = elapsed > TimeSpan.Zero ? (Environment.CpuUsage.TotalTime - _cpuBefore) / elapsed : 0;
        var hostAfter = MachineInfo.CpuTicks();
        return _hostBefore is { } b && hostAfter is { } a && a.Total > b.Total
            ? Math.Round(Math.Max(0, (Environment.ProcessorCount * (a.Busy - b.Busy) / (double)(a.Total - b.Total)) - own), 2)
            : null;
    }
}
