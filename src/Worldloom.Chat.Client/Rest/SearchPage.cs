namespace Worldloom.Chat.Client.Rest;

/// <summary>An answer of <c>GET /api/chat/search</c>: a page of hits, best first, and how many match in all.</summary>
/// <param name="Results">The hits.</param>
/// <param name="Total">Matching messages in all.</param>
public sealed record SearchPage(IReadOnlyList<SearchHit> Results, int Total);
