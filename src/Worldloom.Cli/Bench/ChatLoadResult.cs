namespace Worldloom.Cli.Bench;

/// <summary>
/// What the load generator (<c>bench/chat-load/load.js</c>) printed for one server: its last stdout line, camelCase
/// JSON. The nested records are that line's parts; they mean nothing apart from it.
/// </summary>
/// <param name="Target"><c>ours</c> or <c>peer</c>.</param>
/// <param name="Clients">Active connections asked for.</param>
/// <param name="Rooms">Rooms they were spread over.</param>
/// <param name="Connect">Connecting the active clients.</param>
/// <param name="Idle">The idle-connection memory phase; null when skipped.</param>
/// <param name="Max">The throughput phase (closed loop, a window of sends per client).</param>
/// <param name="Half">The latency phase (open loop at half the throughput phase's deliveries per second).</param>
internal sealed record ChatLoadResult(
    string Target, int Clients, int Rooms, ChatLoadResult.ConnectStats Connect, ChatLoadResult.IdleStats? Idle, ChatLoadResult.PhaseStats Max, ChatLoadResult.PhaseStats Half)
{
    /// <summary>Opening connections up to subscribed, <c>connect-concurrency</c> at a time.</summary>
    /// <param name="Requested">Connections asked for.</param>
    /// <param name="Connected">Connections that got as far as subscribed.</param>
    /// <param name="Failures">Why the others failed, with counts.</param>
    /// <param name="Retries">Upgrades answered 429 and tried again after Retry-After.</param>
    /// <param name="Seconds">Wall time for all of them.</param>
    /// <param name="PerSec">Connections subscribed per second.</param>
    /// <param name="P50Ms">Median time from opening the socket to subscribed.</param>
    /// <param name="P99Ms">99th percentile of it.</param>
    /// <param name="MaxMs">Slowest.</param>
    internal sealed record ConnectStats(int Requested, int Connected, IReadOnlyDictionary<string, int> Failures, int Retries, double Seconds, double PerSec, double P50Ms, double P99Ms, double MaxMs);

    /// <summary>The idle phase: connections held, and the server's resident set before and after.</summary>
    /// <param name="Requested">Connections asked for.</param>
    /// <param name="Connected">Connections that got as far as subscribed.</param>
    /// <param name="Failures">Why the others failed, with counts.</param>
    /// <param name="Retries">Upgrades answered 429 and tried again after Retry-After.</param>
    /// <param name="Seconds">Wall time to open them.</param>
    /// <param name="PerSec">Connections subscribed per second.</param>
    /// <param name="P50Ms">Median time from opening the socket to subscribed.</param>
    /// <param name="P99Ms">99th percentile of it.</param>
    /// <param name="RssBeforeBytes">Server VmRSS before; null when its process is unknown.</param>
    /// <param name="RssAfterBytes">Server VmRSS with every connection open.</param>
    /// <param name="BytesPerConnection">The difference over the connections.</param>
    internal sealed record IdleStats(
        int Requested, int Connected, IReadOnlyDictionary<string, int> Failures, int Retries, double Seconds, double PerSec, double P50Ms, double P99Ms, long? RssBeforeBytes, long? RssAfterBytes, long? BytesPerConnection);

    /// <summary>One sending phase.</summary>
    /// <param name="Seconds">Measured length.</param>
    /// <param name="Acked">Sends acknowledged over the whole phase (warm-up and tail included).</param>
    /// <param name="Delivered">Receipts within the measured window, every subscriber's counted.</param>
    /// <param name="DeliveredPerSec">Those per second.</param>
    /// <param name="Lost">Receipts acknowledged messages owed their rooms' subscribers that never came, after draining.</param>
    /// <param name="Latency">Send (or due) time to receipt, over messages sent within the window.</param>
    /// <param name="Errors">Refusals and unexpected closes, by code.</param>
    /// <param name="Cpu">Cores busy during the window.</param>
    /// <param name="SendsPerSec">Sends acknowledged per second (throughput phase) or sent per second (half load).</param>
    /// <param name="Fanout">Average receipts per send (throughput phase).</param>
    /// <param name="Window">Outstanding sends per client (throughput phase).</param>
    /// <param name="TargetDeliveredPerSec">Deliveries per second asked for (half load).</param>
    /// <param name="Sent">Sends made (half load).</param>
    /// <param name="MaxDispatchLagMs">How late the generator sent at worst (half load; inside the latencies).</param>
    /// <param name="LoopDelayP50Ms">Median delay of the generator's own event loop (half load; inside the latencies).</param>
    /// <param name="LoopDelayP99Ms">99th percentile of it.</param>
    internal sealed record PhaseStats(
        double Seconds, long Acked, long Delivered, double DeliveredPerSec, long Lost, LatencyStats Latency, IReadOnlyDictionary<string, long> Errors, CpuStats Cpu,
        double SendsPerSec, double? Fanout, int? Window, double? TargetDeliveredPerSec, long? Sent, double? MaxDispatchLagMs, double? LoopDelayP50Ms = null,
        double? LoopDelayP99Ms = null);

    /// <summary>Nearest-rank percentiles of one phase's latencies.</summary>
    /// <param name="Count">Samples.</param>
    /// <param name="P50Ms">Median.</param>
    /// <param name="P90Ms">90th percentile.</param>
    /// <param name="P99Ms">99th percentile.</param>
    /// <param name="MaxMs">Largest.</param>
    internal sealed record LatencyStats(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs);

    /// <summary>Cores kept busy, from <c>/proc</c>.</summary>
    /// <param name="ServerCores">The server's process; null when unknown.</param>
    /// <param name="GeneratorCores">The load generator's process.</param>
    /// <param name="OtherCores">Everything else on the machine.</param>
    internal sealed record CpuStats(double? ServerCores, double GeneratorCores, double? OtherCores);
}
