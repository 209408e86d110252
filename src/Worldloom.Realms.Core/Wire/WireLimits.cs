namespace Worldloom.Realms.Core.Wire;

/// <summary>Bounds on frames, so a reader never allocates more than a frame's worth for a hostile one.</summary>
public static class WireLimits
{
    /// <summary>Largest client → server frame in bytes; the biggest legitimate one is an auth frame.</summary>
    public const int MaxClientFrame = 4096;

    /// <summary>Largest server → client frame in bytes: a full snapshot of a crowded view fits well inside.</summary>
    public const int MaxServerFrame = 256 * 1024;

    /// <summary>Longest access token, in UTF-8 bytes.</summary>
    public const int MaxToken = 2048;

    /// <summary>Longest console command line, in UTF-8 bytes.</summary>
    public const int MaxConsoleLine = 256;

    /// <summary>Longest console reply, in UTF-8 bytes.</summary>
    public const int MaxConsoleReply = 16 * 1024;

    /// <summary>Longest refusal or error code, in UTF-8 bytes.</summary>
    public const int MaxCode = 64;

    /// <summary>Longest error message, in UTF-8 bytes.</summary>
    public const int MaxMessage = 1024;

    /// <summary>Largest absolute coordinate of an aimed point, in sub-tiles: far outside any zone, yet small enough
    /// that distances between points never overflow.</summary>
    public const int MaxPointCoordinate = 1 << 24;

    /// <summary>Angles per turn: move angles are 0..4095 or -1 (stop).</summary>
    public const int AnglesPerTurn = 4096;
}
