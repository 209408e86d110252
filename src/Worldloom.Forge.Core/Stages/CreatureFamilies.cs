using Worldloom.Forge.Core.World;
using static Worldloom.Forge.Core.World.Biome;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The bestiary's templates, the words its species names are made of, and the bounds of every gene. Every land biome
/// is home to at least five families. Part of the generator version: edit only with a version bump.
/// </summary>
public static class CreatureFamilies
{
    private static readonly CreatureFamily[] List =
    [
        new("wolf", "Wolf", new(60, 10, 4, 55, 14), ["pack_hunter"], ["nocturnal", "territorial", "migratory"],
            [Snow, Tundra, Taiga, Grassland, Shrubland, TemperateForest], ["fang", "maw", "tail", "mane", "eye"], ["fur_density"], 65, 5),
        new("bear", "Bear", new(180, 22, 12, 35, 10), ["solitary", "territorial"], ["hibernates", "nocturnal", "scavenger"],
            [Tundra, Taiga, TemperateForest, TemperateRainforest, Alpine], ["claw", "back", "hide", "maw"], ["claw_size", "fur_density"], 55, 2),
        new("boar", "Boar", new(90, 12, 8, 40, 8), ["territorial"], ["herd", "nocturnal", "scavenger"],
            [Grassland, Shrubland, TemperateForest, TropicalForest, Wetland], ["tusk", "back", "hide", "bristle"], ["hide_thickness", "tusk_length"], 60, 6),
        new("deer", "Deer", new(40, 3, 2, 60, 12), ["herd", "skittish"], ["migratory", "nocturnal", "docile"],
            [Taiga, Grassland, TemperateForest, TemperateRainforest, Savanna], ["antler", "hoof", "tail", "back"], ["antler_span"], 10, 2),
        new("drake", "Drake", new(260, 30, 18, 45, 16), ["territorial"], ["solitary", "ambusher", "hibernates"],
            [Shrubland, Desert, Savanna, Alpine], ["scale", "fang", "horn", "tail", "crest"], ["breath_heat", "scale_hardness"], 75, 2),
        new("wyvern", "Wyvern", new(320, 36, 16, 70, 20), ["flying", "territorial"], ["venomous", "solitary", "migratory"],
            [Beach, Tundra, Shrubland, Alpine], ["wing", "tail", "scale", "crest"], ["venom_potency", "wing_span"], 80, 2),
        new("giant_spider", "Spider", new(80, 14, 6, 45, 8), ["ambusher", "venomous"], ["nocturnal", "climber", "solitary"],
            [TemperateForest, TemperateRainforest, TropicalForest, TropicalRainforest, Wetland], ["fang", "leg", "eye", "back"], ["leg_span", "venom_potency"], 60, 10),
        new("beetle", "Beetle", new(70, 8, 16, 25, 6), ["burrower"], ["docile", "herd", "nocturnal", "scavenger"],
            [Grassland, Shrubland, Desert, Savanna, TropicalForest], ["shell", "horn", "back", "jaw"], ["horn_length", "shell_hardness"], 25, 8),
        new("serpent", "Serpent", new(70, 14, 5, 35, 8), ["ambusher"], ["venomous", "nocturnal", "solitary", "climber"],
            [Desert, Savanna, TropicalForest, TropicalRainforest, Wetland], ["fang", "scale", "coil", "tail"], ["body_length", "venom_potency"], 50, 6),
        new("crab", "Crab", new(60, 9, 18, 20, 5), ["amphibious", "territorial"], ["scavenger", "herd", "nocturnal"],
            [Beach, Wetland], ["claw", "shell", "back"], ["claw_size", "shell_hardness"], 40, 10),
        new("bat", "Bat", new(20, 4, 1, 70, 18), ["flying", "nocturnal"], ["migratory", "skittish", "scavenger", "herd"],
            [TemperateForest, TropicalForest, TropicalRainforest, Wetland, Alpine], ["wing", "fang", "ear", "eye"], ["echo_range", "wing_span"], 30, 2),
        new("troll", "Troll", new(300, 28, 14, 30, 10), ["solitary", "territorial"], ["nocturnal", "scavenger", "hibernates"],
            [Tundra, Taiga, TemperateRainforest, Wetland, Alpine], ["hide", "tusk", "back", "maw", "fist"], ["hide_thickness", "regeneration"], 80, 1),
        new("elemental", "Elemental", new(200, 24, 20, 35, 12), ["territorial"], ["nocturnal", "solitary", "migratory"],
            [Beach, Snow, Desert, Alpine], ["heart", "core", "shard", "eye"], ["element_intensity"], 70, 1),
        new("yeti", "Yeti", new(240, 26, 12, 40, 12), ["solitary", "territorial"], ["nocturnal", "ambusher", "hibernates"],
            [Snow, Tundra, Alpine], ["mane", "fang", "hide", "foot"], ["fur_density"], 65, 1),
        new("scorpion", "Scorpion", new(70, 14, 12, 30, 7), ["ambusher", "venomous"], ["nocturnal", "burrower", "solitary"],
            [Shrubland, Desert, Savanna], ["sting", "tail", "claw", "back"], ["shell_hardness", "venom_potency"], 55, 8),
        new("lizard", "Lizard", new(35, 5, 5, 45, 8), ["skittish"], ["burrower", "climber", "herd", "venomous"],
            [Beach, Shrubland, Desert, Savanna, TropicalForest], ["scale", "tail", "crest", "tongue"], ["scale_hardness", "tail_length"], 20, 6),
        new("ape", "Ape", new(120, 15, 6, 50, 12), ["climber", "herd"], ["territorial", "nocturnal", "scavenger"],
            [Savanna, TropicalForest, TropicalRainforest], ["fist", "mane", "back", "brow"], ["arm_reach", "intelligence"], 45, 1),
        new("owlbear", "Owlbear", new(220, 26, 12, 40, 12), ["territorial"], ["nocturnal", "solitary", "ambusher", "hibernates"],
            [Taiga, TemperateForest, TemperateRainforest], ["beak", "claw", "feather", "eye"], ["claw_size", "feather_density"], 75, 2),
        new("hare", "Hare", new(15, 1, 1, 65, 14), ["herd", "skittish"], ["burrower", "nocturnal", "docile", "migratory"],
            [Snow, Tundra, Grassland, Shrubland], ["ear", "foot", "tail"], ["ear_length", "fur_density"], 5, 8),
        new("toad", "Toad", new(50, 6, 4, 30, 6), ["amphibious"], ["venomous", "nocturnal", "ambusher", "docile"],
            [TemperateRainforest, TropicalRainforest, Wetland], ["tongue", "back", "eye", "throat"], ["tongue_length", "venom_potency"], 25, 10),
        new("crocodile", "Crocodile", new(200, 24, 18, 25, 8), ["ambusher", "amphibious"], ["territorial", "solitary", "nocturnal"],
            [Beach, Savanna, TropicalRainforest, Wetland], ["jaw", "scale", "tail", "back"], ["jaw_strength", "scale_hardness"], 70, 8),
        new("great_cat", "Cat", new(110, 18, 6, 65, 14), ["solitary"], ["nocturnal", "ambusher", "territorial", "climber"],
            [Grassland, Savanna, TropicalForest, TropicalRainforest, Alpine], ["claw", "fang", "mane", "eye", "tail"], ["claw_size", "stealth"], 60, 3),
        new("mammoth", "Mammoth", new(400, 20, 22, 30, 10), ["herd", "migratory"], ["territorial", "docile"],
            [Snow, Tundra, Taiga], ["tusk", "hide", "back", "mane"], ["fur_density", "tusk_length"], 30, 1),
        new("goat", "Goat", new(40, 5, 3, 50, 14), ["climber", "herd"], ["skittish", "territorial", "migratory"],
            [Tundra, Shrubland, Alpine], ["horn", "hoof", "beard", "back"], ["fur_density", "horn_length"], 30, 2),
        new("griffin", "Griffin", new(220, 24, 10, 80, 22), ["flying", "territorial"], ["solitary", "migratory"],
            [Grassland, Savanna, Alpine], ["wing", "talon", "beak", "crest"], ["claw_size", "wing_span"], 65, 2),
    ];

    // Habits that contradict each other; a species never has both.
    private static readonly (string, string)[] Conflicts =
    [
        ("pack_hunter", "solitary"), ("herd", "solitary"), ("docile", "territorial"), ("docile", "ambusher"),
        ("docile", "pack_hunter"), ("skittish", "territorial"), ("docile", "venomous"),
    ];

    // Per land biome (index = biome byte): words for "<Word> Wolf" and "<Word><part> Wolf".
    private static readonly string[][] Words =
    [
        [], [], [], ["Tide", "Salt", "Shore", "Surf", "Brine"], ["Frost", "Rime", "Snow", "Ice", "Pale"],
        ["Rime", "Grey", "Wind", "Frost", "Moor"], ["Pine", "Needle", "Grey", "Shadow", "Bark"],
        ["Plains", "Grass", "Golden", "Meadow", "Swift"], ["Thorn", "Scrub", "Dust", "Bramble", "Sage"],
        ["Moss", "Oak", "Bark", "Shadow", "Leaf"], ["Fern", "Moss", "Mist", "Rain", "Dew"],
        ["Dune", "Sand", "Sun", "Ash", "Dust"], ["Sun", "Gold", "Dust", "Tawny", "Grass"],
        ["Vine", "Jade", "Leaf", "Ember", "Root"], ["Jade", "Vine", "Rain", "Mist", "Canopy"],
        ["Bog", "Mire", "Marsh", "Fen", "Reed"], ["Crag", "Stone", "Peak", "Cliff", "Storm"],
    ];

    private static readonly string[] CommonGenes = ["aggression", "colour_hue", "fertility", "size", "speed"];

    /// <summary>Every family, in table order (the order draws index into).</summary>
    public static IReadOnlyList<CreatureFamily> All => List;

    /// <summary>The genes every species carries besides its family's own.</summary>
    public static IReadOnlyList<string> Common => CommonGenes;

    /// <summary>The families at home in <paramref name="biome"/>, in table order.</summary>
    public static IReadOnlyList<CreatureFamily> LivingIn(Biome biome) => Array.FindAll(List, f => f.Biomes.Contains(biome));

    /// <summary>The name words of <paramref name="biome"/> (empty for water).</summary>
    public static IReadOnlyList<string> WordsFor(Biome biome) => (int)biome < Words.Length ? Words[(int)biome] : [];

    /// <summary>Whether a species may have both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static bool Compatible(string a, string b) =>
        !Array.Exists(Conflicts, c => (c.Item1 == a && c.Item2 == b) || (c.Item1 == b && c.Item2 == a));

    /// <summary>
    /// The widest range gene <paramref name="gene"/> may take: size and speed in percent of the family's norm
    /// (50–200), colour hue in degrees (0–359), fertility in young per brood (1–12), aggression and every
    /// family-specific gene on a 0–100 scale.
    /// </summary>
    public static (int Min, int Max) GeneBounds(string gene) => gene switch
    {
        "size" or "speed" => (50, 200),
        "colour_hue" => (0, 359),
        "fertility" => (1, 12),
        _ => (0, 100),
    };
}
