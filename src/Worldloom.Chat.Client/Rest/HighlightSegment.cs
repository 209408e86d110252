namespace Worldloom.Chat.Client.Rest;

/// <summary>A piece of an excerpt: plain text, never markup.</summary>
/// <param name="Text">Text.</param>
/// <param name="Match">Whether it matched the query.</param>
public sealed record HighlightSegment(string Text, bool Match);
