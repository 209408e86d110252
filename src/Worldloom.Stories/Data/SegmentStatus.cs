namespace Worldloom.Stories.Data;

/// <summary>Where a segment's generation stands.</summary>
public static class SegmentStatus
{
    /// <summary>Waiting for its job.</summary>
    public const string Queued = "queued";

    /// <summary>Being narrated, checked or rendered.</summary>
    public const string Generating = "generating";

    /// <summary>Rendered and stored: it has an index in its scene.</summary>
    public const string Ready = "ready";

    /// <summary>Stopped by the continuity validator; the report says which rule.</summary>
    public const string Blocked = "blocked";

    /// <summary>Narration or rendering failed for good.</summary>
    public const string Failed = "failed";

    /// <summary>Shown for a segment a moderator removed (its generation status is kept apart).</summary>
    public const string Removed = "removed";

    /// <summary>Whether <paramref name="status"/> is still in progress.</summary>
    public static bool InFlight(string status) => status is Queued or Generating;
}
