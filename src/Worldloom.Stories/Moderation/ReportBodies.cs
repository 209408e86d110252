namespace Worldloom.Stories.Moderation;

/// <summary>A user's report.</summary>
/// <param name="SceneId">The scene reported, or where the segment was seen.</param>
/// <param name="SegmentId">The segment reported, if the report is about one.</param>
/// <param name="Reason">Why.</param>
public sealed record ReportCreate(Guid? SceneId, Guid? SegmentId, string? Reason);

/// <summary>A moderator's decision.</summary>
/// <param name="Action">approve, remove or ban.</param>
/// <param name="Note">A note for the record.</param>
public sealed record ReportResolve(string? Action, string? Note);

/// <summary>A report as the reporter and the moderation queue see it.</summary>
/// <param name="Id">Id.</param>
/// <param name="SceneId">Scene.</param>
/// <param name="SegmentId">Segment, if any.</param>
/// <param name="ReporterId">Who reported.</param>
/// <param name="AuthorId">Who made the target.</param>
/// <param name="Reason">Why.</param>
/// <param name="Status">open or resolved.</param>
/// <param name="Resolution">approve, remove or ban.</param>
/// <param name="Note">The moderator's note.</param>
/// <param name="CreatedAt">When reported.</param>
/// <param name="ResolvedAt">When resolved.</param>
/// <param name="SceneTitle">The scene's title.</param>
/// <param name="Prompt">The segment's prompt (for a scene, its first segment's).</param>
public sealed record ReportView(
    Guid Id, Guid SceneId, Guid? SegmentId, Guid ReporterId, Guid AuthorId, string Reason, string Status, string? Resolution, string? Note, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, string? SceneTitle, string? Prompt);

/// <summary>What a moderator may do with a report.</summary>
public static class ReportActions
{
    /// <summary>Nothing wrong: close it.</summary>
    public const string Approve = "approve";

    /// <summary>Hide the target from everyone but its author and moderators.</summary>
    public const string Remove = "remove";

    /// <summary>Remove, and stop the author generating stories.</summary>
    public const string Ban = "ban";

    /// <summary>All actions.</summary>
    public static readonly IReadOnlyList<string> All = [Approve, Remove, Ban];
}
