namespace Worldloom.Chat.Realtime;

/// <summary>Limits of the real-time endpoint, from <c>Loom:Chat</c> (see <c>docs/chat-protocol.md</c>).</summary>
public sealed class ChatRealtimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Loom:Chat";

    /// <summary>Largest client frame; a larger one is skipped and answered with <c>too_large</c>.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>How long a connection may take to send <c>auth</c>.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames queued for a client before it counts as a slow consumer and is disconnected.</summary>
    public int MaxQueuedFrames { get; set; } = 8192;

    /// <summary>How often the server pings an otherwise quiet connection, to keep it open through proxies and find dead peers.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-connection and per-user frame limits.</summary>
    public ChatRateLimits RateLimits { get; set; } = new();
}

/// <summary>Token buckets on client frames.</summary>
public sealed class ChatRateLimits
{
    /// <summary>Frames one connection may send at once.</summary>
    public int ConnectionBurst { get; set; } = 60;

    /// <summary>Frames a second one connection may sustain.</summary>
    public int ConnectionPerSecond { get; set; } = 30;

    /// <summary>Frames one user may send at once over all their connections on one node.</summary>
    public int UserBurst { get; set; } = 120;

    /// <summary>Frames a second one user may sustain over all their connections on one node.</summary>
    public int UserPerSecond { get; set; } = 60;

    /// <summary>Refusals within <see cref="FloodWindow"/> after which the connection is closed as a flood.</summary>
    public int FloodRefusals { get; set; } = 100;

    /// <summary>The window <see cref="FloodRefusals"/> counts over.</summary>
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(10);
}
