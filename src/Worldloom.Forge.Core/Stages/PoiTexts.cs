namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The words of points of interest: name patterns and quest hook templates per kind. Part of the generator version:
/// edit only with a version bump.
/// </summary>
/// <remarks>
/// Name patterns: <c>{W}</c> a word in the local culture's tongue, <c>{Adj}</c>, <c>{Abstract}</c>, <c>{Ship}</c> a ship's
/// name. Hook templates: <c>{A}</c>/<c>{B}</c> an NPC with role and home
/// ("Brenna Oakhelm, the blacksmith of Vikheim"), <c>{a}</c>/<c>{b}</c> the same NPC's name alone, <c>{s1}</c> the
/// home of A, <c>{poi}</c>, <c>{ship}</c>, <c>{beast}</c>/<c>{abeast}</c> the species (bare or with "a"/"an"),
/// <c>{enemy}</c> the hostile faction, <c>{kin}</c> and <c>{loot}</c> a word from their lists. Every template of a
/// kind uses <c>{A}</c>, so every hook names an NPC and their settlement.
/// </remarks>
public static class PoiTexts
{
    private static readonly Dictionary<string, string[]> NamePatterns = new(StringComparer.Ordinal)
    {
        ["ruin"] = ["The Ruins of {W}", "{W} Ruins", "The Fallen Halls of {W}", "Old {W}"],
        ["dungeon"] = ["The Deeps of {W}", "{W} Vaults", "The Catacombs of {W}", "The {Adj} Crypt"],
        ["lair"] = ["{W} Den", "The {Adj} Den", "{W} Hollow", "The {Adj} Lair"],
        ["shrine"] = ["The Shrine of {W}", "The {Adj} Altar", "{W} Shrine", "The Chapel of {Abstract}"],
        ["cave"] = ["{W} Caverns", "The {Adj} Grotto", "The Hollow of {Abstract}", "{W} Caves"],
        ["tower"] = ["The Tower of {W}", "The {Adj} Spire", "{W} Watchtower"],
        ["battlefield"] = ["The Field of {Abstract}", "{W} Field", "The {Adj} Moor", "{W} Barrows"],
        ["shipwreck"] = ["The Wreck of the {Ship}"],
    };

    private static readonly Dictionary<string, string[]> HookTemplates = new(StringComparer.Ordinal)
    {
        ["ruin"] =
        [
            "{A}, says the old stones of {poi} hum on moonless nights, and wants someone to find out why.",
            "{A}, pays good coin for any relic carried back from {poi}.",
            "{A}, and {B}, both claim {loot} said to lie under {poi}; each will reward whoever brings it to them first.",
            "{A}, found a map of {poi} among a dead traveller's things and is looking for someone to follow it.",
        ],
        ["dungeon"] =
        [
            "{A}, says their {kin} went into {poi} and never came back.",
            "{A}, wants the sealed door at the bottom of {poi} opened, and will not say what lies behind it.",
            "Since {B}, went down into {poi}, {A}, has heard knocking under the floor at night.",
        ],
        ["lair"] =
        [
            "{A}, has lost three flocks to {abeast} denning in {poi}, and offers a bounty for its hide.",
            "{A}, wants one of the young of the {beast} at {poi} taken alive, but {B}, wants the whole brood dead.",
            "Hunters of {s1} whisper that {abeast} has been seen near {poi}; {A}, will pay for proof.",
            "{A}, says the {beast} of {poi} took their {kin}, and wants it dead before the next moon.",
        ],
        ["shrine"] =
        [
            "{A}, asks for an offering to be carried to {poi} before the solstice.",
            "{A}, says the keeper of {poi} has not been seen since spring.",
            "Pilgrims no longer come back from {poi}, and {A}, fears the shrine has been defiled.",
        ],
        ["cave"] =
        [
            "{A}, saw lights moving deep inside {poi} and will pay for someone to look.",
            "Miners hired by {A}, broke into {poi} and fled; {a} wants to know what frightened them.",
            "{A}, is sure that {loot} was hidden in {poi} during the last hard winter.",
        ],
        ["tower"] =
        [
            "{A}, swears a light burns at the top of {poi}, though no one has lived there in a hundred years.",
            "{A}, wants a book brought back from the library of {poi}, and {B}, wants the same book burned.",
            "{A}, sent their {kin} to map {poi}; they came back speaking only in riddles.",
        ],
        ["battlefield"] =
        [
            "{A}, says the dead of {poi} rise whenever the banners of {enemy} are seen on the border.",
            "{A}, lost a sibling at {poi} in the war with {enemy} and wants their sword brought home.",
            "{A}, is sure that scouts of {enemy} are digging at {poi} for something buried after the last battle.",
        ],
        ["shipwreck"] =
        [
            "{A}, says the {ship} sank with {loot} still in its hold, and that the tide has begun to uncover {poi}.",
            "{A}, wants to know why lamps still burn aboard the {ship} at low tide, years after it ran aground.",
            "{A}, pulled a sealed bottle from the surf near the {ship}; the letter inside names {B}.",
        ],
    };

    private static readonly string[] AdjectiveList =
    [
        "Black", "Sunken", "Broken", "Hollow", "Weeping", "Silent", "Crimson", "Forgotten", "Shattered", "Pale",
        "Howling", "Grey", "Whispering", "Drowned", "Burning",
    ];

    private static readonly string[] AbstractList =
        ["Sorrows", "Whispers", "Bones", "Ashes", "Echoes", "Thorns", "Tears", "Embers", "Ravens", "Silence", "Kings", "the Lost"];

    private static readonly string[] ShipAdjectiveList = ["Grey", "Sea", "Storm", "Golden", "Silver", "Red", "Salt", "Wandering", "Lucky", "Black"];

    private static readonly string[] ShipNounList = ["Gull", "Maiden", "Wind", "Star", "Heron", "Crown", "Lantern", "Serpent", "Promise", "Dawn"];

    private static readonly string[] KinList = ["apprentice", "eldest child", "cousin", "closest friend", "youngest sibling"];

    private static readonly string[] LootList =
        ["a silver reliquary", "a chest of old coin", "an heirloom sword", "a sealed letter", "a crown of black iron", "a saint's bones"];

    /// <summary>The name patterns of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> NamesFor(string kind) => NamePatterns[kind];

    /// <summary>The quest hook templates of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> HooksFor(string kind) => HookTemplates[kind];

    /// <summary>Words for <c>{Adj}</c>.</summary>
    public static IReadOnlyList<string> Adjectives => AdjectiveList;

    /// <summary>Words for <c>{Abstract}</c>.</summary>
    public static IReadOnlyList<string> Abstracts => AbstractList;

    /// <summary>First words of ship names.</summary>
    public static IReadOnlyList<string> ShipAdjectives => ShipAdjectiveList;

    /// <summary>Second words of ship names.</summary>
    public static IReadOnlyList<string> ShipNouns => ShipNounList;

    /// <summary>Words for <c>{kin}</c>.</summary>
    public static IReadOnlyList<string> Kin => KinList;

    /// <summary>Words for <c>{loot}</c>.</summary>
    public static IReadOnlyList<string> Loot => LootList;
}
