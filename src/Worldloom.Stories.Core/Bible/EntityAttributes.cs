using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// The catalogue of scalar attributes, which kinds may carry each and what values each takes. Closed lists where the
/// renderer or the narrator acts on the value (build, voice, size, colours); free words where only the text matters.
/// </summary>
public static class EntityAttributes
{
    /// <summary>Longest value of a free-words attribute, and of list entries such as items and landmarks.</summary>
    public const int MaxWordsLength = 40;

    /// <summary>Voices the narrator knows how to write lines for.</summary>
    public static readonly IReadOnlyList<string> Voices =
        ["bright", "formal", "gruff", "hoarse", "low", "measured", "quick", "sharp", "soft", "warm"];

    private static readonly EntityKind[] People = [EntityKind.Character];
    private static readonly EntityKind[] Living = [EntityKind.Character, EntityKind.Creature];

    private static readonly EntityAttribute[] Table =
    [
        new("age", People, AttributeValueKind.Choice, ["adult", "child", "old", "young"]),
        new("biome", [EntityKind.Location], AttributeValueKind.Biome, []),
        new("build", Living, AttributeValueKind.Choice, ["broad", "heavy", "lean", "slight", "slim", "stocky", "sturdy", "tall"]),
        new("colour", [EntityKind.Prop, EntityKind.Creature], AttributeValueKind.Colour, []),
        new("eyes", Living, AttributeValueKind.Colour, []),
        new("family", [EntityKind.Creature], AttributeValueKind.Words, []),
        new("hair", People, AttributeValueKind.Colour, []),
        new("material", [EntityKind.Prop], AttributeValueKind.Words, []),
        new("pronouns", Living, AttributeValueKind.Choice, ["he", "it", "she", "they"]),
        new("role", People, AttributeValueKind.Words, []),
        new("size", [EntityKind.Prop, EntityKind.Creature], AttributeValueKind.Choice, ["huge", "large", "medium", "small", "tiny"]),
        new("skin", People, AttributeValueKind.Colour, []),
        new("species", Living, AttributeValueKind.Words, []),
        new("voice", Living, AttributeValueKind.Choice, Voices),
    ];

    /// <summary>Every attribute, sorted by name.</summary>
    public static IReadOnlyList<EntityAttribute> All => Table;

    /// <summary>The attribute named <paramref name="name"/>, or null.</summary>
    public static EntityAttribute? Find(string name) => Table.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// Why <paramref name="value"/> is no valid <paramref name="name"/> of a <paramref name="kind"/>, or null when it is.
    /// </summary>
    public static string? Check(EntityKind kind, string name, string value)
    {
        if (Find(name) is not { } attribute)
        {
            return $"unknown attribute \"{name}\"; expected one of {string.Join(", ", Table.Select(a => a.Name))}.";
        }

        if (!attribute.Kinds.Contains(kind))
        {
            return $"a {KindName(kind)} has no {name}; it belongs to {string.Join(" and ", attribute.Kinds.Select(KindName))}s.";
        }

        return attribute.Values switch
        {
            AttributeValueKind.Colour => StoryColours.IsColour(value) ? null : $"\"{value}\" is no colour; expected one of {StoryColours.Describe()}.",
            AttributeValueKind.Biome => BiomeNames.TryParse(value, out _) ? null : $"\"{value}\" is no biome; expected one of {string.Join(", ", BiomeNames.All)}.",
            AttributeValueKind.Choice => attribute.Choices.Contains(value) ? null : $"\"{value}\" is no {name}; expected one of {string.Join(", ", attribute.Choices)}.",
            _ => CheckWords(value),
        };
    }

    /// <summary>Why <paramref name="value"/> is not plain lower-case words of at most <see cref="MaxWordsLength"/> characters, or null.</summary>
    public static string? CheckWords(string value)
    {
        if (value.Length is 0 or > MaxWordsLength)
        {
            return $"must be 1 to {MaxWordsLength} characters; got {value.Length}.";
        }

        foreach (var c in value)
        {
            if (c is not (>= 'a' and <= 'z' or ' ' or '-' or '\'' or '_'))
            {
                return $"\"{value}\" may hold only lower-case letters, spaces, hyphens, underscores and apostrophes.";
            }
        }

        return value[0] == ' ' || value[^1] == ' ' || value.Contains("  ", StringComparison.Ordinal)
            ? $"\"{value}\" has stray spaces."
            : null;
    }

    /// <summary>The English word for a kind, as messages write it.</summary>
    public static string KindName(EntityKind kind) => kind switch
    {
        EntityKind.Character => "character",
        EntityKind.Location => "location",
        EntityKind.Prop => "prop",
        _ => "creature",
    };
}
