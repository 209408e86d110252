namespace Worldloom.Stories.Core.Text;

/// <summary>Small English joins used by error messages and by the narrator's sentences.</summary>
public static class Phrases
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OneOf(IReadOnlyList<string> items) => Join(items, "or");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string All(IReadOnlyList<string> items) => Join(items, "and");

    /// <summary>The text with its first letter in upper case (ASCII and the invariant culture only).</summary>
    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"a" or "an" before <paramref name="word"/>, by its first letter.</summary>
    public static string Article(string word) =>
        word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Join(IReadOnlyList<string> items, string conjunction) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
    };
}
