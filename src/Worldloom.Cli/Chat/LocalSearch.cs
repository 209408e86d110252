using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>
/// Search over the opened messages of end-to-end rooms, which the server cannot search: every word of the query must
/// appear (case-insensitive), and each occurrence is marked as the server's highlights are.
/// </summary>
public static class LocalSearch
{
    /// <summary>The messages whose opened text holds every word, newest first.</summary>
    public static IReadOnlyList<SearchHit> Find(string query, IEnumerable<(ChatMessage Message, string Text)> opened, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(opened);
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        return [.. opened
            .Where(o => words.All(w => o.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(o => o.Message.Id)
            .Take(limit)
            .Select(o => new SearchHit(o.Message, 0, Highlight(o.Text, words)))];
    }

    /// <summary>The text cut into segments, the words' occurrences marked.</summary>
    public static IReadOnlyList<HighlightSegment> Highlight(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        var marked = new bool[text.Length];
        foreach (var w in words)
        {
            for (var i = text.IndexOf(w, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(w, i + w.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, i, w.Length);
            }
        }

        var segments = new List<HighlightSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start])
            {
                segments.Add(new HighlightSegment(text[start..i], marked[start]));
                start = i;
            }
        }

        return segments;
    }
}
