using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Core.Rules;

/// <summary>
/// Parses the rules language (EBNF in docs/stories.md): one rule per line, an optional <c>label:</c> in front, words
/// case-insensitive, <c>#</c> comments. Errors give the line and column, what was expected and what was found. The
/// parser checks ids, kinds and values (a wears rule needs a character, hair needs a colour); whether the entities
/// exist is the bible's check, since rules and entities are edited apart.
/// </summary>
public static class RuleParser
{
    /// <summary>Longest rule, in characters.</summary>
    public const int MaxRuleLength = 200;

    /// <summary>Parses one rule with id <paramref name="id"/> (a label in the text takes precedence).</summary>
    public static RuleParseResult Parse(string text, string id) => ParseLine(text, 1, id);

    /// <summary>
    /// Parses a rules text, one rule per line; blank and comment-only lines are skipped. Unlabelled rules get the ids
    /// <c>rule_1</c>, <c>rule_2</c>, ... in order; a label used twice is an error on its second line.
    /// </summary>
    public static RuleSetParseResult ParseSet(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<StoryRule>();
        var errors = new List<RuleSyntaxError>();
        var lines = text.Split('\n');
        var next = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (RuleLexer.Tokenize(line, i + 1, out var lexError) is [{ Kind: RuleTokenKind.End }] && lexError is null)
            {
                continue;
            }

            // The next free rule_N: a label written earlier may have taken one.
            while (rules.Any(r => r.Id == RuleIds.Numbered(next)))
            {
                next++;
            }

            var result = ParseLine(line, i + 1, RuleIds.Numbered(next));
            if (result.Rule is not { } rule)
            {
                errors.Add(result.Error!);
                continue;
            }

            if (rules.Any(r => r.Id == rule.Id))
            {
                errors.Add(new RuleSyntaxError(i + 1, 1, "a label not used before", $"\"{rule.Id}\""));
                continue;
            }

            rules.Add(rule);
        }

        return new RuleSetParseResult(rules, errors);
    }

    private static RuleParseResult ParseLine(string line, int lineNumber, string id)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > MaxRuleLength)
        {
            return new(null, new RuleSyntaxError(lineNumber, MaxRuleLength + 1, $"a rule of at most {MaxRuleLength} characters", $"{line.Length} characters"));
        }

        var tokens = RuleLexer.Tokenize(line, lineNumber, out var lexError);
        if (lexError is not null)
        {
            return new(null, lexError);
        }

        try
        {
            var rule = new RuleReader(tokens, lineNumber, id, line).Rule();
            return new(rule, null);
        }
        catch (RuleReader.Failure failure)
        {
            return new(null, failure.Error);
        }
    }
}
