namespace Worldloom.Realms.Realtime;

/// <summary>Limits of the game socket, from <c>Loom:Realms</c>.</summary>
public sealed class RealmsRealtimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Loom:Realms";

    /// <summary>How long a connection may take to send <c>auth</c>.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames one connection may send per second (a client sends 20 inputs and 20 acks a second).</summary>
    public int FramesPerSecond { get; set; } = 60;

    /// <summary>Frames queued for a client before it counts as a slow consumer and is disconnected (10 s of snapshots).</summary>
    public int MaxQueuedFrames { get; set; } = 200;
}
