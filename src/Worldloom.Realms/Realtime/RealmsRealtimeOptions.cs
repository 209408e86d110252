namespace Worldloom.Realms.Realtime;

/// <summary>Limits of the game socket, from <c>Loom:Realms</c>.</summary>
public sealed class RealmsRealtimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Loom:Realms";

    /// <summary>How long a connection may take to send <c>auth</c>.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames one connection may send per second (a client sends 20 inputs a second with its acks inside, and
    /// at most 20 acks of their own besides).</summary>
    public int FramesPerSecond { get; set; } = 60;

    /// <summary>Frames queued for a client before it counts as a slow consumer and is disconnected (10 s of snapshots).</summary>
    public int MaxQueuedFrames { get; set; } = 200;

    /// <summary>
    /// How long a zone's first input or ack waits for others before the node sends them to the zone in one message
    /// (<see cref="ZoneOutbox"/>), from 0 (as soon as the thread pool gets to it) to a tick (50 ms). Each millisecond
    /// adds about a millisecond to the average input latency (an input misses the next tick with a chance of
    /// delay / 50 ms) and takes fewer, larger messages.
    /// </summary>
    public TimeSpan ZoneFlushDelay { get; set; } = TimeSpan.FromMilliseconds(5);
}
