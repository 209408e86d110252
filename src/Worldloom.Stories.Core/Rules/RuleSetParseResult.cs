namespace Worldloom.Stories.Core.Rules;

/// <summary>The rules of a multi-line text, and one error for each line that did not parse.</summary>
/// <param name="Rules">The good rules, in line order.</param>
/// <param name="Errors">The bad lines' errors, in line order.</param>
public sealed record RuleSetParseResult(IReadOnlyList<StoryRule> Rules, IReadOnlyList<RuleSyntaxError> Errors);
