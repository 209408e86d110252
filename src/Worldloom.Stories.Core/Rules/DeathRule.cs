namespace Worldloom.Stories.Core.Rules;

/// <summary>
/// <c>char_tomas is dead after segment 3</c> (or <c>dies in segment 3</c>, or plain <c>is dead</c> for 0): from
/// segment <see cref="AfterSegment"/> + 1 on he neither appears nor speaks.
/// </summary>
public sealed record DeathRule : StoryRule
{
    /// <summary>The character or creature.</summary>
    public required string EntityId { get; init; }

    /// <summary>The last segment (1-based) they are alive in; 0 when dead from the start.</summary>
    public required int AfterSegment { get; init; }

    /// <summary>Whether they are dead in <paramref name="segment"/>.</summary>
    public bool IsDeadIn(int segment) => segment > AfterSegment;

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId];
}
