using Worldloom.Chat.Messages;

namespace Worldloom.Chat.Search;

/// <summary>One message found by <c>GET /api/chat/search</c>.</summary>
/// <param name="Message">The message as the messages routes show it.</param>
/// <param name="Rank">
/// How well it matched, higher is better: BM25 on SQLite, <c>ts_rank</c> on PostgreSQL. Only the order within one
/// answer means anything; the numbers differ between providers.
/// </param>
/// <param name="Highlight">An excerpt of the body around the matches, as segments.</param>
public sealed record SearchResult(MessageView Message, double Rank, IReadOnlyList<HighlightSegment> Highlight);
