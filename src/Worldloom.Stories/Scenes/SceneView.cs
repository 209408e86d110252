using System.Globalization;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Scenes;

/// <summary>A scene as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Title">Title.</param>
/// <param name="Logline">One line.</param>
/// <param name="TopicId">Topic.</param>
/// <param name="WorldId">Forge world.</param>
/// <param name="Visibility">public or private.</param>
/// <param name="OwnerId">Owner.</param>
/// <param name="OwnerName">Owner's display name.</param>
/// <param name="Seed">The narrator's seed, as a decimal string (it does not fit a JavaScript number).</param>
/// <param name="ParentSceneId">The scene it forks.</param>
/// <param name="ForkedAtSegment">The parent's last segment it shows.</param>
/// <param name="RootSceneId">The original of its tree.</param>
/// <param name="Status">active or removed.</param>
/// <param name="BibleVersion">The bible's version.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="PosterUrl">The first segment's poster, once there is one.</param>
/// <param name="Segments">The segments it shows, in order; null in lists.</param>
public sealed record SceneView(
    Guid Id, string Title, string Logline, Guid? TopicId, Guid? WorldId, string Visibility, Guid OwnerId, string OwnerName, string Seed, Guid? ParentSceneId,
    int? ForkedAtSegment, Guid RootSceneId, string Status, int BibleVersion, DateTimeOffset CreatedAt, string? PosterUrl, IReadOnlyList<SegmentView>? Segments)
{
    /// <summary>The view of a row.</summary>
    public static SceneView From(StoryScene s, string ownerName, string? posterUrl, IReadOnlyList<SegmentView>? segments)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SceneView(
            s.Id, s.Title, s.Logline, s.TopicId, s.WorldId, s.Visibility, s.OwnerId, ownerName, unchecked((ulong)s.Seed).ToString(CultureInfo.InvariantCulture), s.ParentSceneId,
            s.ForkedAtSegment, s.RootSceneId, s.Status, s.BibleVersion, s.CreatedAt, posterUrl, segments);
    }
}
