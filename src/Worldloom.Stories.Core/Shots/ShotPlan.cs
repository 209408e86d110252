namespace Worldloom.Stories.Core.Shots;

/// <summary>
/// The structured form of one segment, made from the user's prompt by a narrator, checked by the continuity validator
/// and drawn by the renderer. Canonical JSON in <see cref="Documents.ShotPlanJson"/>; bounds in <see cref="ShotPlanLimits"/>.
/// </summary>
public sealed record ShotPlan
{
    /// <summary>The segment it is for (1-based).</summary>
    public required int Segment { get; init; }

    /// <summary>The shots, in order.</summary>
    public required IReadOnlyList<Shot> Shots { get; init; }

    /// <summary>
    /// What happens, in a sentence or two; the narrator of the next segment reads the summaries of the ones before.
    /// </summary>
    public required string Summary { get; init; }

    /// <summary>The whole segment's length.</summary>
    public int DurationMs => Shots.Sum(s => s.DurationMs);
}
