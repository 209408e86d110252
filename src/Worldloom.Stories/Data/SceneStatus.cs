namespace Worldloom.Stories.Data;

/// <summary>Whether a scene is shown.</summary>
public static class SceneStatus
{
    /// <summary>Shown to whoever may see it.</summary>
    public const string Active = "active";

    /// <summary>Removed by a moderator: shown to its owner and moderators only.</summary>
    public const string Removed = "removed";
}
