namespace Worldloom.Stories.Core.Rules;

/// <summary><c>char_golem never speaks</c>: no dialogue line has them as speaker.</summary>
public sealed record SilentRule : StoryRule
{
    /// <summary>The character or creature.</summary>
    public required string EntityId { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [EntityId];
}
