using Worldloom.Stories.Data;

namespace Worldloom.Stories.Scenes;

/// <summary>A scene without its bible: what visibility checks, fork chains and the tree need.</summary>
/// <param name="Id">The scene.</param>
/// <param name="Title">Its title.</param>
/// <param name="ParentSceneId">The scene it forks.</param>
/// <param name="ForkedAtSegment">The parent's last segment it shows.</param>
/// <param name="RootSceneId">The original of its tree.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="Visibility">public or private.</param>
/// <param name="Status">active or removed.</param>
/// <param name="DeletedAt">When its owner deleted it.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record SceneNode(
    Guid Id, string Title, Guid? ParentSceneId, int? ForkedAtSegment, Guid RootSceneId, Guid OwnerId, string Visibility, string Status, DateTimeOffset? DeletedAt, DateTimeOffset CreatedAt)
{
    /// <summary>Whether <paramref name="viewer"/> may see it: never once deleted; its owner and moderators always; others when public and not removed.</summary>
    public bool VisibleTo(Viewer viewer) =>
        DeletedAt is null && (OwnerId == viewer.UserId || viewer.IsModerator || (Visibility == SceneVisibility.Public && Status == SceneStatus.Active));

    /// <summary>The node of a full scene row.</summary>
    public static SceneNode Of(StoryScene s) => new(s.Id, s.Title, s.ParentSceneId, s.ForkedAtSegment, s.RootSceneId, s.OwnerId, s.Visibility, s.Status, s.DeletedAt, s.CreatedAt);
}
