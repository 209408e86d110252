namespace Worldloom.Chat.Search;

/// <summary>A row of the provider's excerpt query: the body around its matches, with <see cref="Highlight"/> markers.</summary>
public sealed class SearchExcerpt
{
    /// <summary>The message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The marked-up excerpt.</summary>
    public string? Text { get; set; }
}
