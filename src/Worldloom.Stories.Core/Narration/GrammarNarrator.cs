using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// The offline narrator: reads the prompt against the bible (who, where, when, what mood, who speaks), then lets a
/// seeded generative grammar (<see cref="NarratorGrammar"/>) choose the segment's shape, camera moves, actions and
/// lines in each character's voice and temperament. Deterministic: the same request gives the same plan bytes. It
/// follows the bible when it chooses freely (no dead or kept-apart characters, the bible's outfits, rule-true vistas,
/// no forbidden words of its own) and follows the prompt when the prompt insists, so a prompt that contradicts the
/// bible produces a plan the continuity validator will stop.
/// </summary>
public sealed class GrammarNarrator : INarrator
{
    /// <inheritdoc />
    public string Name => "offline-grammar/1";

    /// <inheritdoc />
    public Task<NarrationResult> NarrateAsync(NarrationRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Narrate(request));
    }

    /// <summary>The synchronous form of <see cref="NarrateAsync"/> (the narrator does no I/O).</summary>
    public NarrationResult Narrate(NarrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Check();
        if (problems.Count > 0)
        {
            return NarrationResult.Fail(new NarrationFailure(NarrationFailureKind.InvalidRequest, "The narration request is invalid.", problems, 0));
        }

        var plan = new SegmentComposer(request.Bible.AsOf(request.Segment), request, NarrationSeed.For(request)).Compose();
        var limits = ShotPlanLimits.Check(plan);
        return limits.Count == 0
            ? NarrationResult.Success(plan)
            : NarrationResult.Fail(new NarrationFailure(NarrationFailureKind.MalformedOutput, "The narrator built a plan out of bounds.", limits, 1));
    }
}
