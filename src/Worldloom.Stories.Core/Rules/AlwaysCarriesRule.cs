namespace Worldloom.Stories.Core.Rules;

/// <summary><c>char_mira always carries silver locket</c>: in every shot she is in, she holds or carries it.</summary>
public sealed record AlwaysCarriesRule : StoryRule
{
    /// <summary>The character.</summary>
    public required string EntityId { get; init; }

    /// <summary>The item, lower case.</summary>
    public required string Item { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId];
}
