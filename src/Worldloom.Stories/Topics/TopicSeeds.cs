using Worldloom.Stories.Data;

namespace Worldloom.Stories.Topics;

/// <summary>
/// The topics a fresh install starts with, each with a small cast for scenes told outside a Forge world. The bibles
/// are ordinary <c>worldloom-bible/1</c> documents and go through the same strict reader as any stored bible.
/// </summary>
public static class TopicSeeds
{
    /// <summary>The seeded topics (ids are made when they are stored).</summary>
    public static IReadOnlyList<StoryTopic> All =>
    [
        new()
        {
            Slug = "fantasy", Title = "Fantasy", Description = "Towers, oaths and old magic in a world of swords and lanterns.",
            BibleJson = """{"entities":[{"aliases":["Mira"],"attributes":{"hair":"black","pronouns":"she","voice":"gruff"},"clothing":[{"colour":"red","item":"cloak"}],"id":"char_mira","items":["silver locket"],"name":"Mira Vell","temperament":["brave","curious"]},{"aliases":["Tomas"],"attributes":{"hair":"blonde","pronouns":"he","voice":"warm"},"clothing":[{"colour":"green","item":"tunic"}],"id":"char_tomas","name":"Tomas Brand","temperament":["gentle"]},{"aliases":["the tower"],"attributes":{"biome":"grassland"},"id":"loc_tower","landmarks":["broken bell tower"],"name":"The Old Tower","palette":["grey","green"]}],"format":"worldloom-bible/1","rules":[{"id":"cloak","text":"char_mira always wears red cloak"},{"id":"era","text":"no firearms, modern technology"}]}""",
        },
        new()
        {
            Slug = "mystery", Title = "Mystery", Description = "A locked room, a missing key and a detective who notices everything.",
            BibleJson = """{"entities":[{"aliases":["Ada"],"attributes":{"eyes":"grey","hair":"auburn","pronouns":"she","role":"detective","voice":"measured"},"clothing":[{"colour":"grey","item":"coat"}],"id":"char_ada","items":["brass lens"],"name":"Ada Quill","temperament":["wary","thoughtful"]},{"aliases":["the manor"],"attributes":{"biome":"temperate_forest"},"id":"loc_manor","landmarks":["house"],"name":"Hollow Manor","palette":["brown","navy"]},{"attributes":{"colour":"gold","material":"brass","size":"tiny"},"id":"prop_key","name":"The Missing Key"}],"format":"worldloom-bible/1","rules":[{"id":"lens","text":"char_ada always carries brass lens"}]}""",
        },
        new()
        {
            Slug = "sea-tales", Title = "Sea tales", Description = "Harbours, storms and whatever lives under the grey water.",
            BibleJson = """{"entities":[{"aliases":["Captain Oren","Oren"],"attributes":{"build":"stocky","hair":"grey","pronouns":"he","role":"captain","voice":"hoarse"},"clothing":[{"colour":"navy","item":"coat"}],"id":"char_oren","name":"Oren Salt","temperament":["bold"]},{"aliases":["the harbour"],"attributes":{"biome":"beach"},"id":"loc_harbour","landmarks":["lighthouse"],"name":"Gull Harbour","palette":["white","teal"]},{"attributes":{"colour":"teal","family":"serpent","size":"huge"},"id":"beast_serpent","name":"The Deep Serpent","temperament":["sly"]}],"format":"worldloom-bible/1","rules":[{"id":"quiet","text":"beast_serpent never speaks"}]}""",
        },
        new()
        {
            Slug = "folk-tales", Title = "Folk tales", Description = "Villages, wolves in the wood and bargains made at the crossroads.",
            BibleJson = """{"entities":[{"aliases":["Lena"],"attributes":{"age":"child","hair":"blonde","pronouns":"she","voice":"bright"},"clothing":[{"colour":"scarlet","item":"hood"}],"id":"char_lena","name":"Lena Hart","temperament":["curious"]},{"aliases":["the village"],"attributes":{"biome":"grassland"},"id":"loc_village","landmarks":["mill","well"],"name":"Ashford","palette":["cream","brown"]},{"attributes":{"colour":"grey","family":"canine","size":"large"},"id":"beast_wolf","name":"The Grey Wolf","temperament":["sly"]}],"format":"worldloom-bible/1","rules":[{"id":"hood","text":"char_lena always wears scarlet hood"}]}""",
        },
    ];
}
