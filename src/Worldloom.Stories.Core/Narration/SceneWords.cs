using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Narration;

/// <summary>How the narrator says things about entities and places: pronouns, place phrases, times, temperament groups.</summary>
public static class SceneWords
{
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["brave"] = "bold", ["reckless"] = "bold", ["proud"] = "bold", ["ambitious"] = "bold", ["hot-tempered"] = "bold", ["stubborn"] = "bold",
        ["kind"] = "gentle", ["generous"] = "gentle", ["patient"] = "gentle", ["humble"] = "gentle", ["cheerful"] = "gentle",
        ["trusting"] = "gentle", ["loyal"] = "gentle", ["honest"] = "gentle",
        ["cautious"] = "wary", ["suspicious"] = "wary", ["cowardly"] = "wary", ["gloomy"] = "wary", ["superstitious"] = "wary",
        ["deceitful"] = "sly", ["greedy"] = "sly", ["shrewd"] = "sly", ["treacherous"] = "sly", ["witty"] = "sly", ["cruel"] = "sly",
    };

    /// <summary>The possessive pronoun of <paramref name="entity"/> (her, his, its, their), from its <c>pronouns</c> attribute.</summary>
    public static string Possessive(BibleEntity entity) => (entity ?? throw new ArgumentNullException(nameof(entity))).Attribute("pronouns") switch
    {
        "she" => "her",
        "he" => "his",
        "it" => "its",
        "they" => "their",
        _ => entity.Kind == EntityKind.Creature ? "its" : "their",
    };

    /// <summary>The temperament group the narrator writes for: bold, gentle, wary, sly, thoughtful, or beast for creatures.</summary>
    public static string Group(BibleEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Kind == EntityKind.Creature)
        {
            return "beast";
        }

        foreach (var trait in entity.Temperament)
        {
            if (Groups.TryGetValue(trait, out var group))
            {
                return group;
            }
        }

        return "thoughtful";
    }

    /// <summary>The voice the narrator writes <paramref name="entity"/>'s lines in (default: measured).</summary>
    public static string Voice(BibleEntity entity) =>
        entity.Attribute("voice") is { } voice && EntityAttributes.Voices.Contains(voice) ? voice : "measured";

    /// <summary>A location's name mid-sentence: "The Old Tower" becomes "the Old Tower".</summary>
    public static string PlaceName(BibleEntity location) =>
        location.Name.StartsWith("The ", StringComparison.Ordinal) ? "the " + location.Name[4..] : location.Name;

    /// <summary>A biome as a place: "the marsh", "the high mountains".</summary>
    public static string BiomePlace(Biome biome) => biome switch
    {
        Biome.Ocean => "the open sea",
        Biome.ShallowSea => "the shallows",
        Biome.SeaIce => "the sea ice",
        Biome.Beach => "the shore",
        Biome.Snow => "the snowfields",
        Biome.Tundra => "the tundra",
        Biome.Taiga => "the pine forest",
        Biome.Grassland => "the grasslands",
        Biome.Shrubland => "the scrubland",
        Biome.TemperateForest => "the forest",
        Biome.TemperateRainforest => "the wet green forest",
        Biome.Desert => "the desert",
        Biome.Savanna => "the savanna",
        Biome.TropicalForest => "the jungle edge",
        Biome.TropicalRainforest => "the jungle",
        Biome.Wetland => "the marsh",
        _ => "the high mountains",
    };

    /// <summary>Landmarks a biome offers when a place has none of its own.</summary>
    public static IReadOnlyList<string> BiomeLandmarks(Biome biome) => biome switch
    {
        Biome.Beach or Biome.Ocean or Biome.ShallowSea or Biome.SeaIce => ["a line of driftwood", "the rocks at the waterline", "a stranded boat"],
        Biome.Snow or Biome.Tundra or Biome.Alpine => ["a cairn of stones", "a frozen ridge", "a lone boulder"],
        Biome.Desert or Biome.Savanna or Biome.Shrubland => ["a dry watercourse", "a lone thorn tree", "a wind-carved rock"],
        Biome.Wetland => ["a rotting jetty", "a stand of reeds", "a half-sunk stone"],
        Biome.Grassland => ["a standing stone", "a lone oak", "a low hill"],
        _ => ["an old fallen tree", "a mossy stone", "a narrow path"],
    };

    /// <summary>"at dawn", "in the daylight", "at dusk", "at night".</summary>
    public static string TimePhrase(TimeOfDay time) => time switch
    {
        TimeOfDay.Dawn => "at dawn",
        TimeOfDay.Day => "in the daylight",
        TimeOfDay.Dusk => "at dusk",
        _ => "at night",
    };

    /// <summary>"Mira", "Mira and Tomas", "Mira, Tomas and Ana".</summary>
    public static string Names(IReadOnlyList<BibleEntity> cast) => Text.Phrases.All([.. cast.Select(c => c.ShortName)]);
}
