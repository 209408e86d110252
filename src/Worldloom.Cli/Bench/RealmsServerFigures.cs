namespace Worldloom.Cli.Bench;

/// <summary>One server's figures in <c>loom bench realms</c>'s JSON line; see docs/benchmarks.md for each.</summary>
internal sealed record RealmsServerFigures
{
    /// <summary>Bots joined at the end of the measured window (the last step).</summary>
    public required int ConnectedBots { get; init; }

    /// <summary>Bots that never joined.</summary>
    public required int FailedBots { get; init; }

    /// <summary>Bots the server closed during the window.</summary>
    public required int DroppedBots { get; init; }

    /// <summary>Ticks measured, every zone's.</summary>
    public int? Ticks { get; init; }

    /// <summary>Median tick duration.</summary>
    public double? TickP50Ms { get; init; }

    /// <summary>99th percentile tick duration.</summary>
    public double? TickP99Ms { get; init; }

    /// <summary>Ticks over the 50 ms budget.</summary>
    public int? TickOverruns { get; init; }

    /// <summary>Bytes received per bot per second.</summary>
    public required long BytesPerSecPerClient { get; init; }

    /// <summary>Snapshots (ours) or messages (the peer) per bot per second.</summary>
    public required double FramesPerSecPerClient { get; init; }

    /// <summary>
    /// Bytes per message received: a server whose ticks fall behind sends fewer, larger deltas a second, so this
    /// compares the encodings where the tick rates differ.
    /// </summary>
    public double? BytesPerMessage { get; init; }

    /// <summary>Cores the server kept busy.</summary>
    public double? ServerCores { get; init; }

    /// <summary>Server CPU per bot, in thousandths of a core: compares runs on a machine others share.</summary>
    public double? ServerMillicoresPerBot { get; init; }

    /// <summary>Cores the load generator kept busy.</summary>
    public required double GeneratorCores { get; init; }

    /// <summary>Cores everything else kept busy: above ~0.1 the machine was shared.</summary>
    public double? OtherCores { get; init; }

    /// <summary>99th percentile delay of the generator's event loop.</summary>
    public required double GeneratorLoopDelayP99Ms { get; init; }

    /// <summary>Whether the generator's own loop fell behind (its figures then describe it, not the server).</summary>
    public required bool GeneratorSaturated { get; init; }

    /// <summary>The simulation's refusals and the errors and closes, by code.</summary>
    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    /// <summary>The CCU search: the largest step held (null without <c>--find-ccu</c>).</summary>
    public int? Ccu { get; init; }

    /// <summary>
    /// The CCU search: what ended it. <c>server</c>: a step the server did not hold; <c>generator</c>: the load
    /// generator fell behind first (the CCU is then only a lower bound); <c>max-bots</c>: every step held.
    /// </summary>
    public string? CcuLimitedBy { get; init; }

    /// <summary>The CCU search: each step's bots, tick p99 and whether it held.</summary>
    public IReadOnlyList<RealmsCcuStep>? CcuSteps { get; init; }

    /// <summary>The figures of one generator run (its last step), and the search's when <paramref name="findCcu"/>.</summary>
    public static RealmsServerFigures From(RealmsLoadResult run, bool findCcu)
    {
        var last = run.Steps[^1];
        return new RealmsServerFigures
        {
            ConnectedBots = last.Connected,
            FailedBots = last.Failed,
            DroppedBots = last.Dropped,
            Ticks = last.Tick?.Ticks,
            TickP50Ms = last.Tick?.P50Ms,
            TickP99Ms = last.Tick?.P99Ms,
            TickOverruns = last.Tick?.Overruns,
            BytesPerSecPerClient = last.BytesPerSecPerClient,
            FramesPerSecPerClient = last.FramesPerSecPerClient,
            BytesPerMessage = last.FramesPerSecPerClient > 0 ? Math.Round(last.BytesPerSecPerClient / last.FramesPerSecPerClient, 1) : null,
            ServerCores = last.Cpu.ServerCores,
            ServerMillicoresPerBot = last.Cpu.ServerCores is { } c && last.Connected > 0 ? Math.Round(c * 1000 / last.Connected, 3) : null,
            GeneratorCores = last.Cpu.GeneratorCores,
            OtherCores = last.Cpu.OtherCores,
            GeneratorLoopDelayP99Ms = last.GeneratorLoopDelayP99Ms,
            GeneratorSaturated = last.GeneratorSaturated,
            Errors = last.Refusals.Concat(last.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
            Ccu = findCcu ? run.Steps.Where(s => s.Held && !s.GeneratorSaturated).Select(s => s.Bots).DefaultIfEmpty(0).Max() : null,
            CcuLimitedBy = !findCcu ? null : last.GeneratorSaturated ? "generator" : last.Held ? "max-bots" : "server",
            CcuSteps = findCcu ? [.. run.Steps.Select(s => new RealmsCcuStep(s.Bots, s.Tick?.P99Ms, s.Cpu.ServerCores, s.BytesPerSecPerClient, s.Held, s.GeneratorSaturated))] : null,
        };
    }
}
