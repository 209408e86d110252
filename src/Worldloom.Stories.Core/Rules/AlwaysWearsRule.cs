namespace Worldloom.Stories.Core.Rules;

/// <summary><c>char_mira always wears red cloak</c>: in every shot she is in, the garment is on her, in that colour.</summary>
public sealed record AlwaysWearsRule : StoryRule
{
    /// <summary>The character.</summary>
    public required string EntityId { get; init; }

    /// <summary>The garment, lower case ("cloak").</summary>
    public required string Item { get; init; }

    /// <summary>Its colour, or null when any colour will do.</summary>
    public string? Colour { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId];
}
