namespace Worldloom.Stories.Core.Rules;

/// <summary><c>char_ana hair is black</c>: the attribute keeps this value, in the bible and in every shot.</summary>
public sealed record AttributeRule : StoryRule
{
    /// <summary>The entity.</summary>
    public required string EntityId { get; init; }

    /// <summary>The attribute name (see <see cref="Bible.EntityAttributes"/>).</summary>
    public required string Attribute { get; init; }

    /// <summary>The value it must have.</summary>
    public required string Value { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId];
}
