using System.Globalization;
using System.Text;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Search;

/// <summary>
/// A user's search text reduced to its words, so that no input can reach a full-text engine as syntax. A word is a run
/// of letters, digits and combining marks; everything else (spaces, punctuation, quotes, <c>*</c>, <c>^</c>,
/// <c>-</c>, parentheses, symbols, emoji) separates words and is never searched. Operator words such as <c>OR</c>,
/// <c>NOT</c> or <c>NEAR</c> are plain words. All words must match; the last one, when it has at least
/// <see cref="MinPrefixLength"/> characters, also matches as a prefix, so a query typed as far as "dr" already finds
/// "dragon".
/// </summary>
public sealed class SearchQuery
{
    /// <summary>The longest query accepted, in UTF-16 units.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The shortest last word searched as a prefix. A single letter would match most of a large room (a one-letter
    /// prefix over 100,000 messages took most of a second on SQLite) and find nothing anyone wants.
    /// </summary>
    public const int MinPrefixLength = 2;

    private SearchQuery(IReadOnlyList<string> words) => Words = words;

    /// <summary>The words, in the order typed; never empty.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Whether the last word also matches as a prefix.</summary>
    public bool LastIsPrefix => Words[^1].Length >= MinPrefixLength;

    /// <summary>
    /// Parses <paramref name="q"/>, adding a problem for <c>q</c> to <paramref name="v"/> and returning null when it is
    /// missing, only whitespace, longer than <see cref="MaxLength"/>, or has no word in it.
    /// </summary>
    public static SearchQuery? Parse(string? q, Validation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrWhiteSpace(q))
        {
            v.Add("q", "is required and must not be only whitespace.");
            return null;
        }

        if (q.Length > MaxLength)
        {
            v.Add("q", $"must be at most {MaxLength} characters.");
            return null;
        }

        var words = WordsOf(q);
        if (words.Count == 0)
        {
            v.Add("q", "has no letters or digits to search for.");
            return null;
        }

        return new SearchQuery(words);
    }

    /// <summary>
    /// The SQLite FTS5 match expression: each word in double quotes (a string, never an operator), the last with
    /// <c>*</c> for a prefix match; FTS5 joins them with AND.
    /// </summary>
    public string ToFts5Match()
    {
        var match = new StringBuilder();
        for (var i = 0; i < Words.Count; i++)
        {
            // Words hold no quotes, but doubling them keeps the quoting correct even if the word rules ever change.
            match.Append(i == 0 ? "\"" : " \"").Append(Words[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (i == Words.Count - 1 && LastIsPrefix)
            {
                match.Append('*');
            }
        }

        return match.ToString();
    }

    /// <summary>
    /// The PostgreSQL <c>to_tsquery</c> text: each word single-quoted, joined with <c>&amp;</c>, the last with
    /// <c>:*</c> for a prefix match. (<c>websearch_to_tsquery</c> has no prefix match, hence building it here.)
    /// </summary>
    public string ToTsQuery() =>
        string.Join(" & ", Words.Select((w, i) => "'" + w.Replace("'", "''", StringComparison.Ordinal) + "'" + (i == Words.Count - 1 && LastIsPrefix ? ":*" : "")));

    private static List<string> WordsOf(string q)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in q.EnumerateRunes())
        {
            if (IsWordPart(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static bool IsWordPart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
