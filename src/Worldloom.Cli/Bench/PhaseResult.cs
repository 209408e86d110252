namespace Worldloom.Cli.Bench;

/// <summary>The outcome of one <see cref="OpenLoopPhase"/>.</summary>
/// <param name="Elapsed">From the first slot until the last response (the tail is drained, not dropped).</param>
/// <param name="Cpu">CPU time this process spent meanwhile: load generator, and the server too when it runs in-process.</param>
/// <param name="HostBusyCores">How many cores every process on the machine kept busy on average meanwhile, or null where unknown.</param>
/// <param name="Requests">Requests sent, whatever their outcome.</param>
/// <param name="Errors">Requests that got no response.</param>
/// <param name="StatusCodes">Responses by status code.</param>
/// <param name="Latency">All responses.</param>
/// <param name="ByEndpoint">Responses by endpoint name.</param>
/// <param name="DispatchLag">How late requests left against their slots.</param>
internal sealed record PhaseResult(
    TimeSpan Elapsed,
    TimeSpan Cpu,
    double? HostBusyCores,
    long Requests,
    long Errors,
    IReadOnlyDictionary<int, long> StatusCodes,
    LatencySummary Latency,
    IReadOnlyDictionary<string, LatencySummary> ByEndpoint,
    LatencySummary DispatchLag)
{
    /// <summary>Responses outside 2xx.</summary>
    public long Non2xx => StatusCodes.Where(s => s.Key is < 200 or > 299).Sum(s => s.Value);

    /// <summary>Requests completed per second of the phase.</summary>
    public double AchievedRps => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    /// <summary>Process CPU time per request, in microseconds: a cost that a busy machine inflates far less than latency.</summary>
    public double CpuMicrosecondsPerRequest => Requests == 0 ? 0 : Cpu.TotalMicroseconds / Requests;

    /// <summary>Cores this process kept busy on average.</summary>
    public double CoresUsed => Elapsed > TimeSpan.Zero ? Cpu / Elapsed : 0;

    /// <summary>
    /// Cores that other processes kept busy meanwhile: on a shared machine, the noise in the figures. Null where the
    /// machine's totals cannot be read.
    /// </summary>
    public double? OtherCoresBusy => HostBusyCores is { } host ? Math.Max(0, host - CoresUsed) : null;

    /// <summary>Share of requests that failed or answered outside 2xx.</summary>
    public double FailureRate => Requests == 0 ? 0 : (Errors + Non2xx) / (double)Requests;

    /// <summary>Status codes outside 2xx, e.g. <c>429×12, 500×1</c>; empty when there are none.</summary>
    public string DescribeFailures() => string.Join(", ", StatusCodes
        .Where(s => s.Key is < 200 or > 299)
        .OrderBy(s => s.Key)
        .Select(s => $"{s.Key}×{s.Value}")
        .Concat(Errors > 0 ? [$"no response×{Errors}"] : []));
}
