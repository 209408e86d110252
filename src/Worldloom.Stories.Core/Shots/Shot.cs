namespace Worldloom.Stories.Core.Shots;

/// <summary>One shot of a segment: how long, how the camera moves, where, who does what, who says what.</summary>
public sealed record Shot
{
    /// <summary>Length in milliseconds.</summary>
    public required int DurationMs { get; init; }

    /// <summary>The camera move.</summary>
    public CameraMove Camera { get; init; } = CameraMove.Static;

    /// <summary>Where and when.</summary>
    public required ShotSetting Setting { get; init; }

    /// <summary>The entities in frame, left to right as listed.</summary>
    public IReadOnlyList<ShotSubject> Subjects { get; init; } = [];

    /// <summary>A line of dialogue, or null.</summary>
    public DialogueLine? Dialogue { get; init; }

    /// <summary>A far location on the horizon, or null.</summary>
    public Vista? Vista { get; init; }

    /// <summary>What the shot shows, in one sentence (the storyboard caption and the LLM's description).</summary>
    public required string Description { get; init; }
}
