namespace Worldloom.Chat.Search;

/// <summary>
/// Turns an excerpt that the database marked up (SQLite <c>snippet()</c>, PostgreSQL <c>ts_headline</c>) into
/// <see cref="HighlightSegment"/>s. The markers are private-use characters rather than HTML so nothing needs
/// escaping; a message that itself contains one of them gets no highlight rather than a forged one.
/// </summary>
public static class Highlight
{
    /// <summary>Put before each match by the database.</summary>
    public const string Open = "\uE000";

    /// <summary>Put after each match by the database.</summary>
    public const string Close = "\uE001";

    /// <summary>
    /// The segments of <paramref name="excerpt"/>; when <paramref name="body"/> holds a marker character itself (so the
    /// markers cannot be told apart), or the excerpt is missing, one unmatched segment with the whole body.
    /// </summary>
    public static IReadOnlyList<HighlightSegment> Segments(string? excerpt, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(excerpt) || body.Contains(Open, StringComparison.Ordinal) || body.Contains(Close, StringComparison.Ordinal))
        {
            return [new HighlightSegment(body, false)];
        }

        var segments = new List<HighlightSegment>();
        var rest = excerpt.AsSpan();
        var inMatch = false;
        while (!rest.IsEmpty)
        {
            var marker = rest.IndexOf(inMatch ? Close : Open, StringComparison.Ordinal);
            var text = marker < 0 ? rest : rest[..marker];
            Add(segments, text.ToString(), inMatch);
            rest = marker < 0 ? [] : rest[(marker + 1)..];
            inMatch = marker >= 0 && !inMatch;
        }

        return segments;
    }

    private static void Add(List<HighlightSegment> segments, string text, bool match)
    {
        if (text.Length == 0)
        {
            return;
        }

        // Adjacent matches ("drag" "on" from two markers in a row) read as one piece.
        if (segments.Count > 0 && segments[^1].Match == match)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            return;
        }

        segments.Add(new HighlightSegment(text, match));
    }
}
