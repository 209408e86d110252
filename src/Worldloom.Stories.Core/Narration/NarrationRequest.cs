using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Narration;

/// <summary>What a narrator needs for one segment.</summary>
public sealed record NarrationRequest
{
    /// <summary>Longest prompt.</summary>
    public const int MaxPromptLength = 1000;

    /// <summary>Longest summary of the segments before.</summary>
    public const int MaxSummaryLength = 4000;

    /// <summary>Shortest and longest segment a request may ask for.</summary>
    public const int MinDurationMs = 3000;

    /// <inheritdoc cref="MinDurationMs"/>
    public const int MaxDurationMs = 30000;

    /// <summary>The scene's bible; the narrator reads it as of <see cref="Segment"/>.</summary>
    public required SceneBible Bible { get; init; }

    /// <summary>The segment to plan (1-based).</summary>
    public required int Segment { get; init; }

    /// <summary>The user's prompt.</summary>
    public required string Prompt { get; init; }

    /// <summary>The summaries of the segments before, oldest first (empty for the first segment).</summary>
    public string PreviousSummary { get; init; } = "";

    /// <summary>The seed: the same request with the same seed gives the same plan.</summary>
    public ulong Seed { get; init; }

    /// <summary>How long the segment should run.</summary>
    public int TargetDurationMs { get; init; } = 10000;

    /// <summary>Every problem of the request, by field name; empty when it can be narrated.</summary>
    public IReadOnlyList<ParameterError> Check()
    {
        var errors = new List<ParameterError>();
        if (Prompt.Trim().Length == 0 || Prompt.Length > MaxPromptLength)
        {
            errors.Add(new("prompt", $"must be 1 to {MaxPromptLength} characters, not blank; got {Prompt.Length}."));
        }

        if (Segment is < 1 or > ShotPlanLimits.MaxSegment)
        {
            errors.Add(new("segment", $"must be between 1 and {ShotPlanLimits.MaxSegment}; got {Segment}."));
        }

        if (PreviousSummary.Length > MaxSummaryLength)
        {
            errors.Add(new("previousSummary", $"at most {MaxSummaryLength} characters; got {PreviousSummary.Length}."));
        }

        if (TargetDurationMs is < MinDurationMs or > MaxDurationMs)
        {
            errors.Add(new("targetDurationMs", $"must be between {MinDurationMs} and {MaxDurationMs}; got {TargetDurationMs}."));
        }

        return errors;
    }
}
