namespace Worldloom.Stories.Core.Rules;

/// <summary><c>loc_tower is north of loc_river</c>: seen from the second place, the first lies in that direction.</summary>
public sealed record DirectionRule : StoryRule
{
    /// <summary>The place that lies in <see cref="Direction"/>.</summary>
    public required string EntityId { get; init; }

    /// <summary>Where it lies, seen from <see cref="OtherId"/>.</summary>
    public required Compass Direction { get; init; }

    /// <summary>The reference place.</summary>
    public required string OtherId { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId, OtherId];
}
