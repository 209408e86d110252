namespace Worldloom.Stories.Core.Rules;

/// <summary><c>no firearms, "mobile phones"</c>: none of the terms (or their category's words) may appear in a shot's text.</summary>
public sealed record ForbiddenTermsRule : StoryRule
{
    /// <summary>The terms as written, lower case.</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>Every phrase that breaks the rule: the terms and the words of their categories (<see cref="ForbiddenLexicon"/>).</summary>
    public IReadOnlyList<string> Phrases => ForbiddenLexicon.Expand(Terms);

    /// <inheritdoc />
    public override IReadOnlyList<string> Entities => [];
}
