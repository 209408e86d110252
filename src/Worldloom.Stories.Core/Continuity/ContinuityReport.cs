using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Continuity;

/// <summary>
/// The validator's verdict on one segment's plan: the plan as corrected, what was corrected and what could not be.
/// Stored with the segment (<see cref="Documents.ContinuityReportJson"/>), so anyone can see later why a segment looks
/// the way it does and which bible version it was held to.
/// </summary>
public sealed record ContinuityReport
{
    /// <summary>The segment (1-based).</summary>
    public required int Segment { get; init; }

    /// <summary>The bible version the segment was checked against (the state's <see cref="Bible.BibleState.Version"/>).</summary>
    public required int BibleVersion { get; init; }

    /// <summary>The plan with every correction applied: what the renderer draws when <see cref="Passed"/>.</summary>
    public required ShotPlan Plan { get; init; }

    /// <summary>Repairs made, in plan order.</summary>
    public required IReadOnlyList<Correction> Corrections { get; init; }

    /// <summary>Breaks that block generation, in plan order.</summary>
    public required IReadOnlyList<Violation> Violations { get; init; }

    /// <summary>Whether generation may go on.</summary>
    public bool Passed => Violations.Count == 0;
}
