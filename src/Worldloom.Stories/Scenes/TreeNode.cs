namespace Worldloom.Stories.Scenes;

/// <summary>One scene of a fork tree.</summary>
/// <param name="SceneId">The scene.</param>
/// <param name="Title">Its title; null for a scene the caller may not see that has forks they may see.</param>
/// <param name="ForkedAtSegment">The parent's last segment it shares.</param>
/// <param name="SegmentCount">Ready segments it shows the caller, shared ones included (not those hidden by a removal).</param>
/// <param name="OwnerName">Its owner's display name; null when hidden.</param>
/// <param name="Hidden">Whether the caller may not open it (deleted, private or removed) and it is shown only to hold its forks.</param>
/// <param name="Children">Its forks, oldest first.</param>
public sealed record TreeNode(Guid SceneId, string? Title, int? ForkedAtSegment, int SegmentCount, string? OwnerName, bool Hidden, IReadOnlyList<TreeNode> Children);

/// <summary>A scene's fork tree and which node is the scene asked about.</summary>
/// <param name="Root">The original scene.</param>
/// <param name="Current">The scene asked about.</param>
public sealed record TreeView(TreeNode Root, Guid Current);
