namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// One character, location, prop or creature of a scene, with the look and manner that must stay the same in every
/// segment. Scalar traits (hair, voice, biome, material, ...) live in <see cref="Attributes"/> under the names of
/// <see cref="EntityAttributes"/>; the lists are typed. <see cref="EntityChecks"/> says which fields a kind may use.
/// </summary>
public sealed record BibleEntity
{
    /// <summary>Stable id whose prefix gives the kind, e.g. <c>char_mira</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, e.g. "Mira Vell" or "The Old Tower".</summary>
    public required string Name { get; init; }

    /// <summary>Other names the prompt may use for it ("Mira", "the tower"); matched as whole words, case-insensitively.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Scalar traits by attribute name (see <see cref="EntityAttributes"/>), lower case.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Manner (characters and creatures): "brave", "curious", "pack_hunter".</summary>
    public IReadOnlyList<string> Temperament { get; init; } = [];

    /// <summary>What a character wears, one garment per item name.</summary>
    public IReadOnlyList<Garment> Clothing { get; init; } = [];

    /// <summary>Signature items a character is seen with ("silver locket").</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>A location's colours, dominant first (names from <see cref="StoryColours"/>).</summary>
    public IReadOnlyList<string> Palette { get; init; } = [];

    /// <summary>What a location shows ("broken bell tower", "stone bridge").</summary>
    public IReadOnlyList<string> Landmarks { get; init; } = [];

    /// <summary>The kind, from the id's prefix.</summary>
    public EntityKind Kind => EntityIds.KindOf(Id) ?? throw new InvalidOperationException($"\"{Id}\" is no entity id.");

    /// <summary>An attribute's value, or null when the entity has none.</summary>
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>The garment named <paramref name="item"/> (up to a plural), or null.</summary>
    public Garment? GarmentFor(string item) =>
        Clothing.FirstOrDefault(g => Text.Words.SameNoun(g.Item, item));

    /// <summary>The short name the narrator uses in sentences: the first alias, else the first word of the name.</summary>
    public string ShortName =>
        Aliases.Count > 0 ? Aliases[0]
        : Kind == EntityKind.Character && Name.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? Name[..space]
        : Name;
}
