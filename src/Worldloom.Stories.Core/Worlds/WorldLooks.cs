using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Core.Worlds;

/// <summary>
/// The tables a world-seeded bible dresses its entities from: garments and items by NPC role, voices by trait, a
/// palette per biome, landmarks per settlement. Part of what a seeded bible looks like; entries are appended only.
/// </summary>
internal static class WorldLooks
{
    public static readonly string[] HairColours = ["black", "brown", "auburn", "blonde", "brown", "black", "russet"];
    public static readonly string[] EyeColours = ["brown", "blue", "green", "grey", "amber"];
    public static readonly string[] ClothColours = ["blue", "brown", "green", "grey", "ochre", "olive", "red", "russet", "tan", "navy", "cream", "crimson"];
    public static readonly string[] Builds = ["broad", "lean", "slight", "slim", "stocky", "sturdy", "tall"];
    public static readonly string[] CreatureColours = ["black", "brown", "grey", "tan", "russet", "green", "white", "ochre"];

    private static readonly (string[] Roles, string Garment, string? Item)[] RoleLooks =
    [
        (["guard", "captain of the guard", "sergeant of the watch"], "tabard", "spear"),
        (["blacksmith", "mason", "carpenter", "tanner", "cooper", "labourer", "charcoal burner", "woodcutter"], "apron", "hammer"),
        (["priest", "high priest"], "robe", "prayer beads"),
        (["healer", "midwife", "herbalist", "physician", "alchemist"], "robe", "herb pouch"),
        (["merchant", "banker", "jeweller", "guildmaster", "merchant prince"], "coat", "ledger"),
        (["magistrate", "lord", "mayor", "ruler", "elder", "reeve"], "coat", "signet ring"),
        (["fisher", "sailor", "shipwright", "net mender"], "oilskin", "net"),
        (["hunter", "trapper"], "jerkin", "bow"),
        (["bard"], "waistcoat", "lute"),
        (["scribe", "clerk", "scholar"], "robe", "quill"),
        (["farmer", "herder", "beekeeper", "miller"], "smock", "crook"),
        (["innkeeper", "brewer", "baker", "servant", "stablehand"], "apron", "cloth"),
        (["spymaster", "thief", "courier"], "hood", "dagger"),
    ];

    private static readonly (string Trait, string Voice)[] TraitVoices =
    [
        ("hot-tempered", "sharp"), ("cruel", "sharp"), ("proud", "formal"), ("pious", "formal"), ("cheerful", "bright"),
        ("witty", "quick"), ("gloomy", "low"), ("suspicious", "low"), ("kind", "warm"), ("generous", "warm"),
        ("patient", "measured"), ("cautious", "soft"), ("cowardly", "soft"), ("brave", "gruff"), ("stubborn", "gruff"),
    ];

    public static (string Garment, string? Item) ForRole(string role)
    {
        foreach (var (roles, garment, item) in RoleLooks)
        {
            if (roles.Contains(role))
            {
                return (garment, item);
            }
        }

        return ("tunic", null);
    }

    public static string? VoiceFor(IReadOnlyList<string> traits)
    {
        foreach (var trait in traits)
        {
            foreach (var (t, voice) in TraitVoices)
            {
                if (t == trait)
                {
                    return voice;
                }
            }
        }

        return null;
    }

    public static string AgeFor(int years) => years switch
    {
        < 16 => "child",
        < 30 => "young",
        < 60 => "adult",
        _ => "old",
    };

    public static IReadOnlyList<string> Palette(Biome biome) => biome switch
    {
        Biome.Beach or Biome.Ocean or Biome.ShallowSea => ["tan", "blue", "cream"],
        Biome.Snow or Biome.SeaIce => ["white", "silver", "blue"],
        Biome.Tundra => ["grey", "olive", "white"],
        Biome.Taiga => ["green", "grey", "brown"],
        Biome.Grassland => ["green", "yellow", "blue"],
        Biome.Shrubland => ["olive", "ochre", "tan"],
        Biome.TemperateForest => ["green", "brown", "olive"],
        Biome.TemperateRainforest => ["green", "teal", "brown"],
        Biome.Desert => ["ochre", "tan", "orange"],
        Biome.Savanna => ["ochre", "yellow", "olive"],
        Biome.TropicalForest or Biome.TropicalRainforest => ["green", "teal", "yellow"],
        Biome.Wetland => ["olive", "brown", "teal"],
        _ => ["grey", "white", "blue"],
    };

    public static IReadOnlyList<string> Landmarks(Settlement settlement)
    {
        var landmarks = new List<string>();
        landmarks.AddRange(settlement.Size switch
        {
            SettlementSize.City => ["city walls", "market square"],
            SettlementSize.Town => ["market square", "watchtower"],
            SettlementSize.Village => ["village well", "chapel"],
            _ => ["few cottages"],
        });
        if (settlement.IsCapital)
        {
            landmarks.Add("high keep");
        }

        if (settlement.Coastal)
        {
            landmarks.Add("harbour");
        }

        if (settlement.FreshWater)
        {
            landmarks.Add("stone bridge");
        }

        return landmarks;
    }

    public static string SizeFor(int threat) => threat switch
    {
        <= 2 => "small",
        <= 5 => "medium",
        <= 8 => "large",
        _ => "huge",
    };
}
