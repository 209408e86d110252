namespace Worldloom.Stories.Core.Text;

/// <summary>
/// Word-level reading of free text (prompts, dialogue, actions): lower-cased words of letters, digits, apostrophes
/// and hyphens, and whole-word phrase matching with a simple plural, so "no firearms" catches "a firearm" and
/// "Tomas" finds "Tomas," but not "Tomaso".
/// </summary>
public static class Words
{
    /// <summary>The words of <paramref name="text"/>, lower case, in order, with their start offsets.</summary>
    public static IReadOnlyList<(string Word, int Start)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            // Apostrophes and hyphens at either end are punctuation ("'Halt!'", "the guards'").
            var end = i;
            while (end > start && text[end - 1] is '\'' or '-')
            {
                end--;
            }

            while (start < end && text[start] is '\'' or '-')
            {
                start++;
            }

            var word = text[start..end].ToLowerInvariant();
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            if (word.Length > 0)
            {
                words.Add((word, start));
            }
        }

        return words;
    }

    /// <summary>
    /// Where the phrase <paramref name="phrase"/> (one or more words) first occurs in <paramref name="words"/> as whole
    /// words, allowing an -s or -es plural on either side of its last word; -1 when nowhere.
    /// </summary>
    public static int Find(IReadOnlyList<(string Word, int Start)> words, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0)
        {
            return -1;
        }

        for (var i = 0; i + phrase.Count <= words.Count; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Count && match; j++)
            {
                var word = words[i + j].Word;
                match = j == phrase.Count - 1 ? SameNoun(word, phrase[j]) : word == phrase[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> contains <paramref name="phrase"/> as whole words (see <see cref="Find"/>).</summary>
    public static bool Contains(string text, string phrase) =>
        Find(Split(text), Split(phrase).Select(w => w.Word).ToList()) >= 0;

    /// <summary>Whether two words are one noun up to an English -s/-es plural.</summary>
    public static bool SameNoun(string a, string b) =>
        a == b || Singular(a) == Singular(b);

    private static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '-' or '_';
}
