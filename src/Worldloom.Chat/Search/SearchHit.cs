namespace Worldloom.Chat.Search;

/// <summary>A row of the provider's match query, before the caller's rooms and filters are applied.</summary>
public sealed class SearchHit
{
    /// <summary>The message.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Its room.</summary>
    public Guid RoomId { get; set; }

    /// <summary>Its author.</summary>
    public Guid AuthorId { get; set; }

    /// <summary>Higher is better.</summary>
    public double Rank { get; set; }
}
