using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Narration;

/// <summary>A plan, or why there is none.</summary>
public sealed record NarrationResult
{
    private NarrationResult(ShotPlan? plan, NarrationFailure? failure)
    {
        Plan = plan;
        Failure = failure;
    }

    /// <summary>The plan; null on failure.</summary>
    public ShotPlan? Plan { get; }

    /// <summary>The failure; null on success.</summary>
    public NarrationFailure? Failure { get; }

    /// <summary>Whether there is a plan.</summary>
    public bool Succeeded => Plan is not null;

    /// <summary>A success.</summary>
    public static NarrationResult Success(ShotPlan plan) => new(plan ?? throw new ArgumentNullException(nameof(plan)), null);

    /// <summary>A failure.</summary>
    public static NarrationResult Fail(NarrationFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
