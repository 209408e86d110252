using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// Reads a prompt by matching the bible's names (ids, names, aliases, first names) as whole words and looking words
/// up in small lexicons of times, weathers, biomes, moods and speech verbs. No parsing beyond that: a clause is the
/// text after a name up to the next comma, full stop or name.
/// </summary>
public static class PromptReader
{
    private const int MaxClauseLength = 100;

    private static readonly Dictionary<string, TimeOfDay> Times = new(StringComparer.Ordinal)
    {
        ["dawn"] = TimeOfDay.Dawn, ["sunrise"] = TimeOfDay.Dawn, ["morning"] = TimeOfDay.Dawn, ["daybreak"] = TimeOfDay.Dawn,
        ["noon"] = TimeOfDay.Day, ["day"] = TimeOfDay.Day, ["afternoon"] = TimeOfDay.Day, ["daylight"] = TimeOfDay.Day, ["midday"] = TimeOfDay.Day,
        ["dusk"] = TimeOfDay.Dusk, ["sunset"] = TimeOfDay.Dusk, ["evening"] = TimeOfDay.Dusk, ["twilight"] = TimeOfDay.Dusk,
        ["night"] = TimeOfDay.Night, ["midnight"] = TimeOfDay.Night, ["moonlight"] = TimeOfDay.Night, ["dark"] = TimeOfDay.Night,
    };

    private static readonly Dictionary<string, Weather> Weathers = new(StringComparer.Ordinal)
    {
        ["rain"] = Weather.Rain, ["raining"] = Weather.Rain, ["storm"] = Weather.Rain, ["downpour"] = Weather.Rain, ["drizzle"] = Weather.Rain,
        ["fog"] = Weather.Fog, ["mist"] = Weather.Fog, ["misty"] = Weather.Fog, ["foggy"] = Weather.Fog,
        ["snow"] = Weather.Snow, ["snowing"] = Weather.Snow, ["blizzard"] = Weather.Snow,
        ["wind"] = Weather.Wind, ["windy"] = Weather.Wind, ["gale"] = Weather.Wind,
        ["sunny"] = Weather.Clear, ["clear"] = Weather.Clear,
    };

    private static readonly Dictionary<string, Biome> Biomes = new(StringComparer.Ordinal)
    {
        ["forest"] = Biome.TemperateForest, ["woods"] = Biome.TemperateForest, ["jungle"] = Biome.TropicalRainforest,
        ["desert"] = Biome.Desert, ["dunes"] = Biome.Desert, ["swamp"] = Biome.Wetland, ["marsh"] = Biome.Wetland, ["bog"] = Biome.Wetland,
        ["beach"] = Biome.Beach, ["shore"] = Biome.Beach, ["coast"] = Biome.Beach, ["sea"] = Biome.Beach,
        ["mountain"] = Biome.Alpine, ["mountains"] = Biome.Alpine, ["peak"] = Biome.Alpine, ["cliffs"] = Biome.Alpine,
        ["tundra"] = Biome.Tundra, ["taiga"] = Biome.Taiga, ["pines"] = Biome.Taiga, ["plains"] = Biome.Grassland,
        ["meadow"] = Biome.Grassland, ["fields"] = Biome.Grassland, ["grassland"] = Biome.Grassland, ["savanna"] = Biome.Savanna,
        ["glacier"] = Biome.Snow, ["snowfield"] = Biome.Snow, ["heath"] = Biome.Shrubland, ["scrubland"] = Biome.Shrubland,
    };

    private static readonly (Mood Mood, string[] Words)[] Moods =
    [
        (Mood.Conflict, ["fight", "fights", "attack", "attacks", "battle", "duel", "duels", "quarrel", "confront", "confronts", "clash", "ambush", "defend", "defends"]),
        (Mood.Chase, ["flee", "flees", "run", "runs", "chase", "chases", "escape", "escapes", "pursue", "pursues", "hunt", "hunts"]),
        (Mood.Discovery, ["find", "finds", "discover", "discovers", "search", "searches", "explore", "explores", "uncover", "uncovers", "dig", "digs", "investigate"]),
        (Mood.Grief, ["mourn", "mourns", "grieve", "grieves", "funeral", "bury", "buries", "weep", "weeps", "farewell"]),
        (Mood.Joy, ["celebrate", "celebrates", "feast", "dance", "dances", "wedding", "festival", "laugh", "laughs"]),
        (Mood.Mystery, ["strange", "ghost", "shadow", "shadows", "vanish", "vanishes", "mysterious", "haunted", "glow", "glows", "whispers"]),
        (Mood.Talk, ["meet", "meets", "talk", "talks", "speak", "speaks", "say", "says", "ask", "asks", "tell", "tells", "discuss", "argue", "argues"]),
        (Mood.Calm, ["rest", "rests", "camp", "camps", "sleep", "sleeps", "wait", "waits", "sit", "sits"]),
    ];

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "speaks", "says", "tells", "asks", "shouts", "whispers", "argues", "talks", "replies", "calls", "answers", "pleads", "warns",
        "cries", "speak", "say", "tell", "ask", "shout", "whisper", "talk", "reply", "answer", "plead", "warn", "begs", "beg",
    };

    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "and", "or", "with", "the", "a", "an", "of", "at", "in", "on", "to", "from", "by", "for", "as", "but", "who", "whose",
    };

    /// <summary>What <paramref name="text"/> says about the entities of <paramref name="state"/>.</summary>
    public static PromptReading Read(string text, BibleState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        var words = Words.Split(text);
        var mentions = new List<(int At, int Length, BibleEntity Entity)>();
        foreach (var entity in state.Entities)
        {
            var best = (At: int.MaxValue, Length: 0);
            foreach (var name in NamesOf(entity))
            {
                var phrase = Words.Split(name).Select(w => w.Word).ToList();
                var at = Words.Find(words, phrase);
                if (at >= 0 && (at < best.At || (at == best.At && phrase.Count > best.Length)))
                {
                    best = (at, phrase.Count);
                }
            }

            if (best.Length > 0)
            {
                mentions.Add((best.At, best.Length, entity));
            }
        }

        mentions.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.Entity.Id, b.Entity.Id));
        var speakers = new HashSet<string>(StringComparer.Ordinal);
        var deeds = new List<PromptDeed>();
        var living = mentions.Where(x => x.Entity.Kind is EntityKind.Character or EntityKind.Creature).ToList();
        var group = new List<string>();
        var consumed = -1;
        for (var m = 0; m < living.Count; m++)
        {
            var (at, length, entity) = living[m];
            if (words[at].Start < consumed)
            {
                // Named inside an earlier clause ("meets Elolas"): part of that deed, not a new one.
                continue;
            }

            group.Add(entity.Id);
            var end = at + length;
            if (m + 1 < living.Count && Joined(text, words, end, living[m + 1].At))
            {
                continue;
            }

            if (end < words.Count && SpeechVerbs.Contains(words[end].Word))
            {
                speakers.UnionWith(group);
            }

            if (Clause(text, words, end) is { } clause)
            {
                deeds.Add(new PromptDeed([.. group.Distinct(StringComparer.Ordinal)], clause.Text));
                consumed = clause.End;
            }

            group.Clear();
        }

        return new PromptReading
        {
            Mentioned = [.. mentions.Where(m => m.Entity.Kind != EntityKind.Location).Select(m => m.Entity).DistinctBy(e => e.Id)],
            Locations = [.. mentions.Where(m => m.Entity.Kind == EntityKind.Location).Select(m => m.Entity).DistinctBy(e => e.Id)],
            Biome = First(words, Biomes),
            Time = First(words, Times),
            Weather = First(words, Weathers),
            Mood = FirstMood(words),
            Speakers = speakers,
            Deeds = deeds,
        };
    }

    /// <summary>The names a text may call <paramref name="entity"/> by.</summary>
    public static IEnumerable<string> NamesOf(BibleEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        yield return entity.Id;
        yield return entity.Name;
        if (entity.Name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) && entity.Name.Length > 4)
        {
            yield return entity.Name[4..];
        }

        foreach (var alias in entity.Aliases)
        {
            yield return alias;
        }

        yield return entity.ShortName;
    }

    // "Mira and Ana", "Mira, Ana and Tomas": names with only a comma or "and" between them act together.
    private static bool Joined(string text, IReadOnlyList<(string Word, int Start)> words, int end, int next)
    {
        if (next < end || next > end + 1 || (next == end + 1 && words[end].Word != "and"))
        {
            return false;
        }

        var between = text[EndOf(text, words[end - 1].Start)..words[next].Start].Trim();
        return between is "" or "," or "and" or ", and";
    }

    // The clause runs from the word after the name(s) to the next punctuation mark, in the prompt's own text; other
    // names inside it belong to it ("meets Elolas in Hoport").
    private static (string Text, int End)? Clause(string text, IReadOnlyList<(string Word, int Start)> words, int from)
    {
        if (from >= words.Count || NotVerbs.Contains(words[from].Word))
        {
            return null;
        }

        var start = words[from].Start;
        if (text.AsSpan(EndOf(text, words[from - 1].Start), start - EndOf(text, words[from - 1].Start)).IndexOfAny(".,;!?\n\"") >= 0)
        {
            // "Mira. Ana runs": the sentence ended with the name; what follows is not hers.
            return null;
        }

        var stop = text.IndexOfAny(['.', ',', ';', '!', '?', '\n', '"'], start);
        if (stop < 0)
        {
            stop = text.Length;
        }

        var clause = text[start..stop].Trim();
        if (clause.EndsWith(" and", StringComparison.OrdinalIgnoreCase))
        {
            clause = clause[..^4].TrimEnd();
        }

        if (clause.Length > MaxClauseLength)
        {
            var cut = clause.LastIndexOf(' ', MaxClauseLength);
            clause = clause[..(cut > 0 ? cut : MaxClauseLength)];
        }

        return clause.Length == 0 ? null : (clause, stop);
    }

    private static int EndOf(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '-' or '_'))
        {
            i++;
        }

        return i;
    }

    private static Mood? FirstMood(IReadOnlyList<(string Word, int Start)> words)
    {
        foreach (var (word, _) in words)
        {
            foreach (var (mood, lexicon) in Moods)
            {
                if (lexicon.Contains(word))
                {
                    return mood;
                }
            }
        }

        return null;
    }

    private static T? First<T>(IReadOnlyList<(string Word, int Start)> words, Dictionary<string, T> lexicon)
        where T : struct
    {
        foreach (var (word, _) in words)
        {
            if (lexicon.TryGetValue(word, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
