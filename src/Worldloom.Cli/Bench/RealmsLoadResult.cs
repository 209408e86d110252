namespace Worldloom.Cli.Bench;

/// <summary>
/// What the load generator (<c>bench/realms-load/load.js</c>) printed for one server: its last stdout line, camelCase
/// JSON. The nested records are that line's parts; they mean nothing apart from it.
/// </summary>
/// <param name="Target"><c>ours</c> or <c>peer</c>.</param>
/// <param name="Zones">Zones the bots were spread over.</param>
/// <param name="Ramp">Bots connecting at once.</param>
/// <param name="Connect">Connecting, over every step.</param>
/// <param name="Steps">Each bot count measured, in order; the CCU search stops after the first that failed.</param>
internal sealed record RealmsLoadResult(string Target, int Zones, int Ramp, RealmsLoadResult.ConnectStats Connect, IReadOnlyList<RealmsLoadResult.StepStats> Steps)
{
    /// <summary>Connecting the bots up to joined.</summary>
    /// <param name="Requested">Bots started.</param>
    /// <param name="Failures">Why some did not join, with counts.</param>
    /// <param name="P50Ms">Median time from opening the socket to joined.</param>
    /// <param name="P99Ms">99th percentile of it.</param>
    internal sealed record ConnectStats(int Requested, IReadOnlyDictionary<string, int> Failures, double P50Ms, double P99Ms);

    /// <summary>One measured bot count.</summary>
    /// <param name="Bots">Bots asked for.</param>
    /// <param name="Connected">Bots joined at the end of the window.</param>
    /// <param name="Failed">Bots that never joined (all steps so far).</param>
    /// <param name="Dropped">Bots closed by the server during the window.</param>
    /// <param name="ConnectSeconds">Time to connect this step's new bots.</param>
    /// <param name="Seconds">Measured length.</param>
    /// <param name="BytesPerSecPerClient">Bytes received per bot per second (WebSocket payload and frame header).</param>
    /// <param name="FramesPerSecPerClient">Messages received per bot per second.</param>
    /// <param name="SnapshotsPerSecPerClient">Snapshots per bot per second (ours).</param>
    /// <param name="InputsPerSec">Inputs all bots sent per second.</param>
    /// <param name="Casts">Casts sent in the window.</param>
    /// <param name="Transfers">Zone transfers bots went through (ours).</param>
    /// <param name="Refusals">The simulation's refusals by code (ours).</param>
    /// <param name="Errors">Error frames and unexpected closes by code.</param>
    /// <param name="Tick">The server's tick timings in the window.</param>
    /// <param name="Cpu">Cores busy in the window.</param>
    /// <param name="GeneratorLoopDelayP99Ms">99th percentile delay of the generator's event loop.</param>
    /// <param name="GeneratorTickLateP99Ms">99th percentile lateness of the generator's 50 ms input loop.</param>
    /// <param name="Held">Every bot joined and stayed, tick p99 under 50 ms, at most 1 % of ticks over it.</param>
    /// <param name="GeneratorSaturated">The generator's own loop ran over a tick late: it measured itself.</param>
    internal sealed record StepStats(
        int Bots, int Connected, int Failed, int Dropped, double ConnectSeconds, double Seconds, long BytesPerSecPerClient, double FramesPerSecPerClient,
        double? SnapshotsPerSecPerClient, double InputsPerSec, long Casts, long Transfers, IReadOnlyDictionary<string, long> Refusals,
        IReadOnlyDictionary<string, long> Errors, TickStats? Tick, CpuStats Cpu, double GeneratorLoopDelayP99Ms, double GeneratorTickLateP99Ms, bool Held,
        bool GeneratorSaturated);

    /// <summary>Tick timings, every zone's ticks together.</summary>
    /// <param name="Ticks">Ticks in the window.</param>
    /// <param name="P50Ms">Median duration.</param>
    /// <param name="P99Ms">99th percentile.</param>
    /// <param name="MaxMs">Longest (ours).</param>
    /// <param name="Overruns">Ticks over 50 ms.</param>
    internal sealed record TickStats(int Ticks, double? P50Ms, double? P99Ms, double? MaxMs, int Overruns);

    /// <summary>Cores kept busy, from <c>/proc</c>.</summary>
    /// <param name="ServerCores">The server's process.</param>
    /// <param name="GeneratorCores">The load generator's process.</param>
    /// <param name="OtherCores">Everything else on the machine.</param>
    internal sealed record CpuStats(double? ServerCores, double GeneratorCores, double? OtherCores);
}
