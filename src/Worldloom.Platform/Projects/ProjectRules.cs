namespace Worldloom.Platform.Projects;

/// <summary>Limits on projects.</summary>
public static class ProjectRules
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>How long a deleted project can still be restored.</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);
}
