namespace Worldloom.Stories.Core.Rules;

/// <summary>A parsed rule, or why it did not parse.</summary>
/// <param name="Rule">The rule; null on error.</param>
/// <param name="Error">The first problem; null on success.</param>
public sealed record RuleParseResult(StoryRule? Rule, RuleSyntaxError? Error);
