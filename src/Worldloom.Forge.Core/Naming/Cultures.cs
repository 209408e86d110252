using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Naming;

/// <summary>The built-in cultures. Their ids and syllable tables are part of the generator version: edit them only with a version bump.</summary>
public static class Cultures
{
    /// <summary>Cold north: hard consonants, -heim and -vik.</summary>
    public static readonly Culture Nordic = new(
        "nordic", "Nordic",
        ["b", "bj", "d", "f", "g", "h", "k", "r", "s", "sk", "sv", "t", "th", "v", "ulf", "ing", ""],
        ["a", "e", "i", "o", "u", "ei", "au", "y", "ja"],
        ["", "", "n", "r", "rn", "ld", "lf", "k", "nd", "st", "rg"],
        ["heim", "vik", "borg", "fjord", "stad", "dal", "holm"],
        "patronym", "son");

    /// <summary>Forest folk: liquid sounds, -wood and -glen.</summary>
    public static readonly Culture Sylvan = new(
        "sylvan", "Sylvan",
        ["l", "th", "f", "n", "s", "r", "v", "gl", "el", "m", "", ""],
        ["ae", "ia", "ie", "a", "e", "i", "o", "ea"],
        ["", "", "l", "n", "th", "r", "s", "ss", "wen"],
        ["wood", "glen", "dell", "mere", "ith", "wyn", "brook"],
        "root", "");

    /// <summary>Dry lands: -abad and -esh.</summary>
    public static readonly Culture Desert = new(
        "desert", "Desert",
        ["q", "kh", "z", "s", "sh", "h", "r", "m", "n", "b", "d", "j", "", ""],
        ["a", "aa", "i", "u", "ei", "ai", "ou"],
        ["", "", "r", "m", "n", "d", "sh", "z", "b", "f"],
        ["abad", "ir", "esh", "ara", "qan", "un", "stan"],
        "patronym", "ibn ");

    /// <summary>Hills and mountains: -dun and -more.</summary>
    public static readonly Culture Highland = new(
        "highland", "Highland",
        ["c", "cr", "d", "dr", "g", "gl", "m", "br", "t", "l", "f", "k", ""],
        ["a", "e", "i", "o", "ai", "ua", "ea"],
        ["", "ch", "n", "r", "rn", "ll", "gh", "ck"],
        ["more", "dun", "brae", "ach", "tor", "crag", "fell"],
        "place", "");

    /// <summary>Seafarers: open syllables, -port and -haven.</summary>
    public static readonly Culture Maritime = new(
        "maritime", "Maritime",
        ["p", "m", "l", "n", "t", "k", "h", "w", "r", "", ""],
        ["a", "e", "i", "o", "u", "oa", "ei"],
        ["", "", "", "n", "l", "s"],
        ["port", "haven", "cove", "mouth", "bay", "sand", "wick"],
        "root", "");

    /// <summary>Old empire of the plains: Latinate endings.</summary>
    public static readonly Culture Imperial = new(
        "imperial", "Imperial",
        ["c", "v", "t", "m", "l", "s", "p", "qu", "aur", "fl", "gr", "", ""],
        ["a", "i", "u", "e", "o", "ia", "ae"],
        ["", "", "s", "x", "n", "r", "m", "l"],
        ["ium", "ara", "ona", "ensis", "ca", "polis", "via"],
        "root", "");

    /// <summary>Tropical forests: -tlan and -pec.</summary>
    public static readonly Culture Jungle = new(
        "jungle", "Jungle",
        ["t", "k", "x", "ch", "tz", "y", "p", "m", "n", "h", "", ""],
        ["a", "e", "i", "o", "u", "ua"],
        ["", "", "", "l", "n", "k", "tl"],
        ["tlan", "pec", "co", "ua", "lan", "ixtl"],
        "root", "");

    private static readonly Culture[] List = [Nordic, Sylvan, Desert, Highland, Maritime, Imperial, Jungle];

    /// <summary>Every culture, in a fixed order.</summary>
    public static IReadOnlyList<Culture> All => List;

    /// <summary>The culture with id <paramref name="id"/>, or null.</summary>
    public static Culture? Find(string? id) => Array.Find(List, c => c.Id == id);

    /// <summary>The culture at home in <paramref name="biome"/>; <paramref name="coastal"/> and <paramref name="elevated"/> sites lean maritime and highland.</summary>
    public static Culture ForSite(Biome biome, bool coastal, bool elevated) => biome switch
    {
        Biome.Snow or Biome.Tundra or Biome.Taiga or Biome.SeaIce => Nordic,
        Biome.Alpine => Highland,
        _ when elevated => Highland,
        Biome.Desert or Biome.Savanna or Biome.Shrubland => Desert,
        Biome.TropicalForest or Biome.TropicalRainforest => Jungle,
        _ when coastal => Maritime,
        Biome.TemperateForest or Biome.TemperateRainforest or Biome.Wetland => Sylvan,
        _ => Imperial,
    };
}
