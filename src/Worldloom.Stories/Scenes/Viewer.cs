namespace Worldloom.Stories.Scenes;

/// <summary>Who is looking: their id, and whether they moderate (moderators and admins see everything not deleted).</summary>
/// <param name="UserId">The caller.</param>
/// <param name="IsModerator">Moderator or admin.</param>
public sealed record Viewer(Guid UserId, bool IsModerator)
{
    /// <summary>Anyone at all: neither a moderator nor the owner or author of anything, so what a moderator removed is hidden.</summary>
    public static Viewer Public { get; } = new(Guid.Empty, false);
}
