using System.Text.Json;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Scenes;

/// <summary>A segment as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="SceneId">The scene that made it.</param>
/// <param name="Index">Its place (1-based); a blocked or failed one shows the place it tried for.</param>
/// <param name="Prompt">What was asked.</param>
/// <param name="Status">queued, generating, ready, blocked, failed or removed.</param>
/// <param name="JobId">Its job.</param>
/// <param name="DurationMs">Length once ready.</param>
/// <param name="Summary">What happened.</param>
/// <param name="Continuity">passed, corrections and violations, once checked.</param>
/// <param name="Error">Why it failed or was blocked (the details to its creator, the scene's owner and moderators only).</param>
/// <param name="CreatedBy">Who asked.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="PosterUrl">Its poster, once ready.</param>
public sealed record SegmentView(
    Guid Id, Guid SceneId, int Index, string Prompt, string Status, Guid? JobId, long? DurationMs, string? Summary, ContinuityView? Continuity, string? Error,
    Guid CreatedBy, DateTimeOffset CreatedAt, string? PosterUrl)
{
    /// <summary>What viewers other than its creator, the scene's owner and moderators read for a segment's error.</summary>
    public const string GenericError = "generation failed";

    /// <summary>
    /// The view of a row for <paramref name="viewer"/> in a scene owned by <paramref name="sceneOwnerId"/>. The error
    /// text (a provider's message, which may name internal hosts) is shown to the segment's creator, the scene's owner
    /// and moderators; others read <see cref="GenericError"/>.
    /// </summary>
    public static SegmentView From(StorySegment s, Viewer viewer, Guid sceneOwnerId)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(viewer);
        var error = s.Error is null || viewer.IsModerator || viewer.UserId == s.CreatedBy || viewer.UserId == sceneOwnerId ? s.Error : GenericError;
        ContinuityView? continuity = null;
        if (s.ContinuityJson is not null)
        {
            var root = JsonDocument.Parse(s.ContinuityJson).RootElement;
            continuity = new ContinuityView(
                root.GetProperty("passed").GetBoolean(),
                root.TryGetProperty("corrections", out var c) ? c : Empty,
                root.TryGetProperty("violations", out var v) ? v : Empty);
        }

        var ready = s.Status == SegmentStatus.Ready;
        return new SegmentView(
            s.Id, s.SceneId, s.Index, s.Prompt, s.RemovedAt is null ? s.Status : SegmentStatus.Removed, s.JobId, s.DurationMs, s.Summary, continuity, error, s.CreatedBy,
            s.CreatedAt, ready ? $"/api/stories/segments/{s.Id}/media/poster.png" : null);
    }

    private static readonly JsonElement Empty = JsonDocument.Parse("[]").RootElement;
}

/// <summary>The continuity verdict of a segment: the full report is in the segment's stored document.</summary>
/// <param name="Passed">Whether generation went on.</param>
/// <param name="Corrections">Repairs made (rule, path, from, to, message).</param>
/// <param name="Violations">Breaks that blocked it (rule, shot, path, message).</param>
public sealed record ContinuityView(bool Passed, JsonElement Corrections, JsonElement Violations);
