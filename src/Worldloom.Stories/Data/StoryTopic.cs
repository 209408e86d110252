namespace Worldloom.Stories.Data;

/// <summary>A curated subject scenes are filed under ("fantasy", "mystery").</summary>
public sealed class StoryTopic
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>URL name: lower-case letters, digits and hyphens; unique.</summary>
    public string Slug { get; set; } = "";

    /// <summary>Display title.</summary>
    public string Title { get; set; } = "";

    /// <summary>A sentence or two for the topic page.</summary>
    public string Description { get; set; } = "";

    /// <summary>The starting bible (<c>worldloom-bible/1</c>) of a scene in this topic with no Forge world: a small cast; null for none.</summary>
    public string? BibleJson { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
