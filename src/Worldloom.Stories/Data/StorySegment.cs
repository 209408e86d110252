namespace Worldloom.Stories.Data;

/// <summary>One generated piece of a scene: its prompt, its continuity report and, once ready, its media.</summary>
public sealed class StorySegment
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The scene that made it (forks show it too, without a copy).</summary>
    public Guid SceneId { get; set; }

    /// <summary>
    /// Its place in the scene (1-based). Only ready segments keep theirs: a blocked or failed segment shows the index it
    /// tried for, and the next segment tries for the same one.
    /// </summary>
    public int Index { get; set; }

    /// <summary>What its author asked for.</summary>
    public string Prompt { get; set; } = "";

    /// <summary>Generation status (<see cref="SegmentStatus"/>); a moderator's removal is <see cref="RemovedAt"/>, apart from it.</summary>
    public string Status { get; set; } = SegmentStatus.Queued;

    /// <summary>The <c>stories.segment</c> job.</summary>
    public Guid? JobId { get; set; }

    /// <summary>Length once rendered.</summary>
    public long? DurationMs { get; set; }

    /// <summary>What happened, for the next segment's narrator.</summary>
    public string? Summary { get; set; }

    /// <summary>The continuity report (<c>ContinuityReportJson</c>) once validated.</summary>
    public string? ContinuityJson { get; set; }

    /// <summary>Why it failed or was blocked.</summary>
    public string? Error { get; set; }

    /// <summary>The narrator that planned it.</summary>
    public string? Narrator { get; set; }

    /// <summary>The video provider that rendered it.</summary>
    public string? Provider { get; set; }

    /// <summary>Frame width.</summary>
    public int Width { get; set; }

    /// <summary>Frame height.</summary>
    public int Height { get; set; }

    /// <summary>Peak bits per second of its media (the master playlist's BANDWIDTH).</summary>
    public long Bandwidth { get; set; }

    /// <summary>Who asked for it.</summary>
    public Guid CreatedBy { get; set; }

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a moderator removed it; it is then shown to its author and moderators only.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
