namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// The closed colour vocabulary of bibles, rules and shot plans. A closed list is what makes "char_mira always wears
/// red cloak" checkable and lets the renderer paint the same red in every segment; free text ("reddish") would do
/// neither. Names are appended, never changed: they are stored in bibles.
/// </summary>
public static class StoryColours
{
    private static readonly StoryColour[] Table =
    [
        new("amber", 0xFFBF00), new("auburn", 0x922724), new("black", 0x1A1A1A), new("blonde", 0xE6C66E),
        new("blue", 0x2E5CB8), new("bronze", 0xCD7F32), new("brown", 0x6B4423), new("copper", 0xB87333),
        new("crimson", 0xB0102B), new("cream", 0xF3E9C6), new("gold", 0xD4AF37), new("green", 0x2E8B3A),
        new("grey", 0x808080), new("indigo", 0x3F2A84), new("ivory", 0xFFFFF0), new("navy", 0x1F2A5A),
        new("ochre", 0xCC7722), new("olive", 0x708238), new("orange", 0xE8741E), new("pink", 0xE88FB0),
        new("purple", 0x6A2C91), new("red", 0xC0262D), new("russet", 0x80461B), new("scarlet", 0xE0301E),
        new("silver", 0xC0C0C8), new("tan", 0xD2B48C), new("teal", 0x1F8A8A), new("violet", 0x8F5BD6),
        new("white", 0xF4F4F0), new("yellow", 0xE8C81E),
    ];

    private static readonly Dictionary<string, StoryColour> ByName = Table.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Every colour, sorted by name.</summary>
    public static IReadOnlyList<StoryColour> All => Table;

    /// <summary>Whether <paramref name="name"/> is a colour of the vocabulary.</summary>
    public static bool IsColour(string? name) => name is not null && ByName.ContainsKey(name);

    /// <summary>The colour named <paramref name="name"/>, or null.</summary>
    public static StoryColour? Find(string? name) => name is not null && ByName.TryGetValue(name, out var c) ? c : null;

    /// <summary>The list for an error message.</summary>
    public static string Describe() => string.Join(", ", Table.Select(c => c.Name));
}
