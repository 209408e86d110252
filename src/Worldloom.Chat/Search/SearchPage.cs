namespace Worldloom.Chat.Search;

/// <summary>The answer of <c>GET /api/chat/search</c>.</summary>
/// <param name="Results">Best match first (ties: newest first).</param>
/// <param name="Total">How many messages match in all, for "n results" and paging by offset.</param>
public sealed record SearchPage(IReadOnlyList<SearchResult> Results, int Total);
