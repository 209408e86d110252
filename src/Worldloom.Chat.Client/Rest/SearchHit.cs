using Worldloom.Chat.Client.Realtime;

namespace Worldloom.Chat.Client.Rest;

/// <summary>One search hit.</summary>
/// <param name="Message">The message.</param>
/// <param name="Rank">Higher is better; only the order means anything.</param>
/// <param name="Highlight">An excerpt as plain-text segments; those with <see cref="HighlightSegment.Match"/> matched.</param>
public sealed record SearchHit(ChatMessage Message, double Rank, IReadOnlyList<HighlightSegment> Highlight);
