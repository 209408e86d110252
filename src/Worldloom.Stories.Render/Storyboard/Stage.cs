namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// The design space every painter draws in: a 1280×720 frame, a horizon, a ground line, and a background that reaches
/// <see cref="Margin"/> beyond each side so pans never show its edge. Output sizes scale this space.
/// </summary>
internal static class Stage
{
    public const float Width = 1280f;
    public const float Height = 720f;
    public const float Margin = 160f;
    public const float Horizon = 420f;

    /// <summary>Where the feet of a figure in the foreground stand.</summary>
    public const float Ground = 640f;
}
