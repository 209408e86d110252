namespace Worldloom.Stories.Data;

/// <summary>An account a moderator stopped from generating stories.</summary>
public sealed class StoryBan
{
    /// <summary>The banned account.</summary>
    public Guid UserId { get; set; }

    /// <summary>The moderator.</summary>
    public Guid BannedBy { get; set; }

    /// <summary>The report that led to it.</summary>
    public Guid? ReportId { get; set; }

    /// <summary>The moderator's note.</summary>
    public string? Note { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
