namespace Worldloom.Stories.Data;

/// <summary>A user's report of a scene or one of its segments, and a moderator's decision on it.</summary>
public sealed class StoryReport
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The scene reported, or the scene the reported segment was seen in.</summary>
    public Guid SceneId { get; set; }

    /// <summary>The segment reported; null when the report is about the scene.</summary>
    public Guid? SegmentId { get; set; }

    /// <summary>Who reported.</summary>
    public Guid ReporterId { get; set; }

    /// <summary>The author of the target (the scene's owner, or who asked for the segment).</summary>
    public Guid AuthorId { get; set; }

    /// <summary>Why.</summary>
    public string Reason { get; set; } = "";

    /// <summary>
    /// "reporter/target" while open, null once resolved. Unique, so one reporter has one open report per target even
    /// when two requests race (both databases allow any number of nulls in a unique index).
    /// </summary>
    public string? OpenKey { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a moderator resolved it.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Which moderator.</summary>
    public Guid? ResolvedBy { get; set; }

    /// <summary>approve, remove or ban.</summary>
    public string? Resolution { get; set; }

    /// <summary>The moderator's note.</summary>
    public string? Note { get; set; }
}
