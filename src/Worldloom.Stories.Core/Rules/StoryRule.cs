namespace Worldloom.Stories.Core.Rules;

/// <summary>
/// A machine-checkable rule of a scene bible, parsed from one line of the rules language (docs/stories.md). The
/// validator checks every shot plan against the bible's rules; <see cref="Text"/> is kept exactly as the user wrote
/// it so violations can quote it.
/// </summary>
public abstract record StoryRule
{
    /// <summary>Stable id (<c>rule_3</c>, or the user's label) that violations name.</summary>
    public required string Id { get; init; }

    /// <summary>The rule as written (trimmed).</summary>
    public required string Text { get; init; }

    /// <summary>The entity ids the rule refers to, which the bible must hold.</summary>
    public abstract IReadOnlyList<string> Entities { get; }
}
