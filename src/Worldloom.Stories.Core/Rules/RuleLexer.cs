namespace Worldloom.Stories.Core.Rules;

/// <summary>Splits one rule line into tokens; a <c>#</c> outside quotes starts a comment that runs to the end of the line.</summary>
internal static class RuleLexer
{
    public static List<RuleToken> Tokenize(string line, int lineNumber, out RuleSyntaxError? error)
    {
        var tokens = new List<RuleToken>();
        error = null;
        var i = 0;
        var end = line.Length;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '#')
            {
                end = i;
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == ',')
            {
                tokens.Add(new(RuleTokenKind.Comma, ",", i + 1));
                i++;
            }
            else if (c == ':')
            {
                tokens.Add(new(RuleTokenKind.Colon, ":", i + 1));
                i++;
            }
            else if (c == '"')
            {
                var close = line.IndexOf('"', i + 1);
                if (close < 0)
                {
                    error = new RuleSyntaxError(lineNumber, line.Length + 1, "a closing quote for the term opened at column " + (i + 1), "end of rule");
                    return tokens;
                }

                tokens.Add(new(RuleTokenKind.Quoted, line[(i + 1)..close].Trim().ToLowerInvariant(), i + 1));
                i = close + 1;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] is '_' or '-' or '\''))
                {
                    i++;
                }

                tokens.Add(new(RuleTokenKind.Word, line[start..i].ToLowerInvariant(), start + 1));
            }
            else
            {
                error = new RuleSyntaxError(lineNumber, i + 1, "a word, a quoted term, a comma or a colon", $"\"{c}\"");
                return tokens;
            }
        }

        // The end token sits where the rule's text ends (before a comment), so the rule keeps exactly that text.
        tokens.Add(new(RuleTokenKind.End, "", end + 1));
        return tokens;
    }
}
