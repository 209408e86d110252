using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Tests;

/// <summary>A small, consistent bible the tests share: three people, a wolf, two places, a key and seven rules.</summary>
internal static class TestBibles
{
    public const string Rules = """
        cloak: char_mira always wears red cloak
        char_mira always carries silver locket
        no firearms
        loc_tower is north of loc_river
        char_tomas is dead after segment 3
        char_ana hair is black
        char_ana never appears with char_tomas
        """;

    public static BibleEntity Mira => new()
    {
        Id = "char_mira",
        Name = "Mira Vell",
        Attributes = Map(("hair", "black"), ("pronouns", "she"), ("voice", "gruff"), ("build", "lean"), ("eyes", "green")),
        Temperament = ["brave", "curious"],
        Clothing = [new Garment("cloak", "red"), new Garment("boots", "brown")],
        Items = ["silver locket"],
    };

    public static BibleEntity Tomas => new()
    {
        Id = "char_tomas",
        Name = "Tomas Brand",
        Attributes = Map(("hair", "auburn"), ("pronouns", "he"), ("voice", "soft")),
        Temperament = ["cautious"],
        Clothing = [new Garment("coat", "green")],
    };

    public static BibleEntity Ana => new()
    {
        Id = "char_ana",
        Name = "Ana Sorel",
        Attributes = Map(("hair", "black"), ("pronouns", "she"), ("voice", "quick")),
        Temperament = ["witty"],
        Clothing = [new Garment("jacket", "blue")],
    };

    public static BibleEntity Wolf => new()
    {
        Id = "beast_wolf",
        Name = "Grey Wolf",
        Aliases = ["the wolf"],
        Attributes = Map(("colour", "grey"), ("family", "wolf"), ("size", "medium")),
        Temperament = ["pack_hunter"],
    };

    public static BibleEntity Tower => new()
    {
        Id = "loc_tower",
        Name = "The Old Tower",
        Aliases = ["the tower"],
        Attributes = Map(("biome", "grassland")),
        Palette = ["grey", "green"],
        Landmarks = ["broken bell tower", "crooked gate"],
    };

    public static BibleEntity River => new()
    {
        Id = "loc_river",
        Name = "The Silver River",
        Aliases = ["the river"],
        Attributes = Map(("biome", "wetland")),
        Landmarks = ["stone bridge"],
    };

    public static BibleEntity Key => new()
    {
        Id = "prop_key",
        Name = "Brass Key",
        Aliases = ["the key"],
        Attributes = Map(("colour", "gold"), ("material", "brass")),
    };

    public static IReadOnlyList<BibleEntity> Entities => [Mira, Tomas, Ana, Wolf, Tower, River, Key];

    public static IReadOnlyList<StoryRule> ParsedRules()
    {
        var parsed = RuleParser.ParseSet(Rules);
        Assert.Empty(parsed.Errors);
        return parsed.Rules;
    }

    public static SceneBible Sample()
    {
        var result = SceneBible.Create(Entities, ParsedRules());
        Assert.Empty(result.Errors);
        return result.Bible!;
    }

    public static IReadOnlyDictionary<string, string> Map(params (string Key, string Value)[] pairs) =>
        new SortedDictionary<string, string>(pairs.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
