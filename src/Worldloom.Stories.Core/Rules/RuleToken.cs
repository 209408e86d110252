namespace Worldloom.Stories.Core.Rules;

/// <summary>One token of a rule: a word (or entity id, or number), a quoted term, a comma or a colon.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text; lower-cased for words, unquoted for quoted terms.</param>
/// <param name="Column">Where it starts, from 1.</param>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Column)
{
    /// <summary>How an error message shows it.</summary>
    public string Describe() => Kind switch
    {
        RuleTokenKind.End => "end of rule",
        RuleTokenKind.Quoted => $"\"{Text}\" (quoted)",
        _ => $"\"{Text}\"",
    };

    /// <summary>Whether it is the word <paramref name="word"/>.</summary>
    public bool Is(string word) => Kind == RuleTokenKind.Word && Text == word;
}

/// <summary>Token kinds of the rules language.</summary>
internal enum RuleTokenKind
{
    /// <summary>Letters, digits, underscores, hyphens and apostrophes.</summary>
    Word,

    /// <summary>A "double-quoted" term.</summary>
    Quoted,

    /// <summary>A comma.</summary>
    Comma,

    /// <summary>A colon (after a label).</summary>
    Colon,

    /// <summary>The end of the rule.</summary>
    End,
}
