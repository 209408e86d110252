using System.Globalization;

namespace Worldloom.Cli.Bench;

/// <summary>What a benchmark figure needs said about the machine it came from.</summary>
internal static class MachineInfo
{
    /// <summary>E.g. <c>2 cores, 23.4 GiB</c>: the cores and memory this process may use (container limits included).</summary>
    public static string Describe()
    {
        var gib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {gib:0.0} GiB");
    }

    /// <summary>
    /// Busy and total CPU time of the whole machine so far, in clock ticks (<c>/proc/stat</c>), or null where there is
    /// none. Two readings give how busy every process together kept the cores in between.
    /// </summary>
    public static (long Busy, long Total)? CpuTicks()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the unbusy columns.
            var line = File.ReadLines("/proc/stat").First();
            var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            var total = ticks.Sum();
            return (total - ticks[3] - ticks[4], total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The one-minute load average from <c>/proc/loadavg</c>, or null where there is none.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Resets the process's peak resident set (<c>VmHWM</c>) to its current size by writing 5 to
    /// <c>/proc/self/clear_refs</c> (Linux 4.0+), so a later <see cref="PeakResidentBytes"/> covers only what ran in
    /// between. False where that is not possible; the peak then covers the process's whole life.
    /// </summary>
    public static bool ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The process's peak resident set in bytes (<c>VmHWM</c> on Linux, the peak working set elsewhere).</summary>
    public static long PeakResidentBytes()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
