namespace Worldloom.Cli.Bench;

/// <summary>One server's figures in <c>loom bench chat</c>'s JSON line; see docs/benchmarks.md for each.</summary>
internal sealed record ChatServerFigures
{
    /// <summary>Receipts per second in the throughput phase, every subscriber's counted.</summary>
    public required double DeliveredPerSec { get; init; }

    /// <summary>Sends acknowledged per second in the throughput phase.</summary>
    public required double SendsPerSec { get; init; }

    /// <summary>Median send-to-receipt latency in the throughput phase (saturated, so mostly queueing).</summary>
    public required double P50Ms { get; init; }

    /// <summary>99th percentile of it.</summary>
    public required double P99Ms { get; init; }

    /// <summary>Deliveries per second reached in the half-load phase.</summary>
    public required double HalfLoadDeliveredPerSec { get; init; }

    /// <summary>Median latency at half load, from each send's due time.</summary>
    public required double P50AtHalfLoadMs { get; init; }

    /// <summary>99th percentile latency at half load, from each send's due time.</summary>
    public required double P99AtHalfLoadMs { get; init; }

    /// <summary>
    /// 99th percentile delay of the load generator's own event loop at half load: a receipt waits that long before it
    /// is timed, so it bounds how low <see cref="P99AtHalfLoadMs"/> can be measured. Null from an older generator.
    /// </summary>
    public double? GeneratorLoopDelayP99AtHalfLoadMs { get; init; }

    /// <summary>Server resident-set growth per idle connection; null when the server's process is unknown.</summary>
    public long? BytesPerIdleConnection { get; init; }

    /// <summary>Idle connections that got as far as subscribed.</summary>
    public int IdleConnected { get; init; }

    /// <summary>Median time from opening an idle connection to subscribed.</summary>
    public double IdleConnectP50Ms { get; init; }

    /// <summary>99th percentile of it.</summary>
    public double IdleConnectP99Ms { get; init; }

    /// <summary>Idle connections subscribed per second, opened 100 at a time.</summary>
    public double ConnectsPerSec { get; init; }

    /// <summary>Receipts owed by acknowledged messages that never came (both sending phases).</summary>
    public required long Lost { get; init; }

    /// <summary>Refusals and unexpected closes by code (both sending phases); empty when none.</summary>
    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    /// <summary>Cores the server kept busy in the throughput phase; null when its process is unknown.</summary>
    public double? ServerCores { get; init; }

    /// <summary>Cores the load generator kept busy in the throughput phase.</summary>
    public required double GeneratorCores { get; init; }

    /// <summary>Cores everything else kept busy in the throughput phase: above ~0.1 the machine was shared.</summary>
    public double? OtherCores { get; init; }

    /// <summary>
    /// Server CPU time per delivery in the throughput phase (µs): <see cref="ServerCores"/> over
    /// <see cref="DeliveredPerSec"/>. Other processes on a shared machine slow both alike, so it compares runs that
    /// wall-clock figures cannot. Null when the server's process is unknown.
    /// </summary>
    public double? ServerMicrosPerDelivery { get; init; }

    /// <summary>The load generator's CPU time per delivery in the throughput phase (µs).</summary>
    public double? GeneratorMicrosPerDelivery { get; init; }

    /// <summary>Whether an ack means the message is stored durably (ours) rather than only broadcast (the peer).</summary>
    public required bool StoresMessages { get; init; }

    /// <summary>The figures of one generator run.</summary>
    public static ChatServerFigures From(ChatLoadResult run, bool storesMessages) => new()
    {
        DeliveredPerSec = run.Max.DeliveredPerSec,
        SendsPerSec = run.Max.SendsPerSec,
        P50Ms = run.Max.Latency.P50Ms,
        P99Ms = run.Max.Latency.P99Ms,
        HalfLoadDeliveredPerSec = run.Half.DeliveredPerSec,
        P50AtHalfLoadMs = run.Half.Latency.P50Ms,
        P99AtHalfLoadMs = run.Half.Latency.P99Ms,
        BytesPerIdleConnection = run.Idle?.BytesPerConnection,
        IdleConnected = run.Idle?.Connected ?? 0,
        IdleConnectP50Ms = run.Idle?.P50Ms ?? 0,
        IdleConnectP99Ms = run.Idle?.P99Ms ?? 0,
        ConnectsPerSec = run.Idle?.PerSec ?? run.Connect.PerSec,
        Lost = run.Max.Lost + run.Half.Lost,
        Errors = run.Max.Errors.Concat(run.Half.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
        ServerCores = run.Max.Cpu.ServerCores,
        GeneratorCores = run.Max.Cpu.GeneratorCores,
        OtherCores = run.Max.Cpu.OtherCores,
        GeneratorLoopDelayP99AtHalfLoadMs = run.Half.LoopDelayP99Ms,
        ServerMicrosPerDelivery = PerDelivery(run.Max.Cpu.ServerCores, run.Max.DeliveredPerSec),
        GeneratorMicrosPerDelivery = PerDelivery(run.Max.Cpu.GeneratorCores, run.Max.DeliveredPerSec),
        StoresMessages = storesMessages,
    };

    private static double? PerDelivery(double? cores, double deliveredPerSec) =>
        cores is { } c && deliveredPerSec > 0 ? Math.Round(c * 1e6 / deliveredPerSec, 2) : null;
}
