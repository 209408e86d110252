namespace Worldloom.Cli.Bench;

/// <summary>What one worker of an <see cref="OpenLoopPhase"/> saw; merged with the others when the phase ends.</summary>
internal sealed class WorkerTally
{
    /// <summary>Creates a tally with one latency recorder per endpoint.</summary>
    public WorkerTally(int endpoints, int capacity)
    {
        Latency = Enumerable.Range(0, endpoints).Select(_ => new LatencyRecorder(capacity)).ToArray();
        DispatchLag = new LatencyRecorder(capacity);
    }

    /// <summary>Latency from the scheduled send time to the end of the response, by endpoint index.</summary>
    public LatencyRecorder[] Latency { get; }

    /// <summary>How late each request left against its slot: the load generator's own delay, already inside the latency.</summary>
    public LatencyRecorder DispatchLag { get; }

    /// <summary>Responses by status code.</summary>
    public Dictionary<int, long> StatusCodes { get; } = [];

    /// <summary>Requests that got no response: connection failures and timeouts.</summary>
    public long Errors { get; set; }

    /// <summary>Counts one response.</summary>
    public void CountStatus(int status) => StatusCodes[status] = StatusCodes.GetValueOrDefault(status) + 1;
}
