using System.Text;
using Microsoft.Extensions.Configuration;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Narration.Tests;

/// <summary>A small scene, a request for its first segment and the plan a well-behaved model would answer.</summary>
internal static class Scene
{
    public static SceneBible Bible { get; } = BibleJson.Read(Encoding.UTF8.GetBytes("""
        {"entities":[{"aliases":["Mira"],"attributes":{"hair":"black","pronouns":"she","voice":"gruff"},"clothing":[{"colour":"red","item":"cloak"}],"id":"char_mira","items":["silver locket"],"name":"Mira Vell","temperament":["brave","curious"]},
                     {"aliases":["the tower"],"attributes":{"biome":"grassland"},"id":"loc_tower","landmarks":["broken bell tower"],"name":"The Old Tower","palette":["grey","green"]}],
         "format":"worldloom-bible/1",
         "rules":[{"id":"cloak","text":"char_mira always wears red cloak"}]}
        """), out _)!;

    public static NarrationRequest Request => new() { Bible = Bible, Segment = 1, Prompt = "Mira climbs the old tower at dusk.", Seed = 42 };

    /// <summary>What the offline narrator makes of <see cref="Request"/>: a valid plan in canonical JSON.</summary>
    public static string GoodPlan { get; } = Encoding.UTF8.GetString(ShotPlanJson.Write(new GrammarNarrator().Narrate(Request).Plan!));

    /// <summary>The good plan with its first shot made too long.</summary>
    public static string TooLongShot { get; } = System.Text.RegularExpressions.Regex.Replace(GoodPlan, "\"durationMs\":\\d+", "\"durationMs\":99999", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    public static IConfigurationSection Narrator(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Loom:Stories:Narrator" + (s.Key.Length == 0 ? "" : ":" + s.Key), s.Value)))
            .Build()
            .GetSection("Loom:Stories:Narrator");
}
