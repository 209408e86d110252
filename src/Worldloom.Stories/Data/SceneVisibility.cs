namespace Worldloom.Stories.Data;

/// <summary>Who may see a scene.</summary>
public static class SceneVisibility
{
    /// <summary>Everyone signed in.</summary>
    public const string Public = "public";

    /// <summary>Its owner and moderators.</summary>
    public const string Private = "private";

    /// <summary>Both values.</summary>
    public static readonly IReadOnlyList<string> All = [Public, Private];
}
