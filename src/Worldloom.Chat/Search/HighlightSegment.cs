namespace Worldloom.Chat.Search;

/// <summary>
/// A piece of a search result's excerpt: plain text, and whether it matched the query. Clients render each piece as
/// text (marking the matches), so a message holding markup can never inject it.
/// </summary>
/// <param name="Text">The text, exactly as in the message (or the excerpt's "…").</param>
/// <param name="Match">Whether this piece matched a word of the query.</param>
public sealed record HighlightSegment(string Text, bool Match);
