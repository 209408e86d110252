using Worldloom.Stories.Core.Bible;

namespace Worldloom.Stories.Core.Shots;

/// <summary>
/// A bible entity in a shot, what it does and where it stands. <see cref="Wearing"/>, <see cref="Holding"/> and
/// <see cref="Look"/> say what the shot shows that the bible might not (a narrator's "in her blue cloak"); when empty
/// the renderer draws the bible's look. The validator holds them to the bible and its rules.
/// </summary>
public sealed record ShotSubject
{
    /// <summary>The entity id.</summary>
    public required string Entity { get; init; }

    /// <summary>What it does, as a short present-tense phrase ("climbs the broken stair").</summary>
    public required string Action { get; init; }

    /// <summary>Where it stands.</summary>
    public ScreenPosition Position { get; init; } = ScreenPosition.Center;

    /// <summary>Garments shown, with their colours (the same shape the bible dresses entities in).</summary>
    public IReadOnlyList<Garment> Wearing { get; init; } = [];

    /// <summary>Items in hand or carried.</summary>
    public IReadOnlyList<string> Holding { get; init; } = [];

    /// <summary>Attribute values the shot shows (hair, eyes, ...), by attribute name.</summary>
    public IReadOnlyDictionary<string, string> Look { get; init; } = new Dictionary<string, string>();
}
