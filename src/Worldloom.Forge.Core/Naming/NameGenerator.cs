using System.Text;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Core.Naming;

/// <summary>
/// Seeded names from a <see cref="Culture"/>'s syllables. Pure: the same culture and stream give the same names.
/// Callers that need unique names keep the set of names used and ask again (<see cref="Unique"/>).
/// </summary>
/// <remarks>
/// Syllables are glued by three seam rules so names stay sayable: an onset that starts with a vowel (<c>ulf</c>,
/// <c>el</c>) only starts a word; two vowels never meet across a seam (the second syllable takes the culture's
/// first onset); and at most two consonant letters meet at a seam (an inner coda is dropped before a cluster). A
/// nucleus never repeats the last letter of its onset.
/// </remarks>
public static class NameGenerator
{
    /// <summary>A capitalised word of <paramref name="minSyllables"/>–<paramref name="maxSyllables"/> syllables.</summary>
    public static string Word(Culture culture, ChaChaRng rng, int minSyllables = 2, int maxSyllables = 3)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSyllables, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSyllables, minSyllables);
        return Capitalise(Syllables(culture, rng, rng.NextInt(minSyllables, maxSyllables + 1)));
    }

    /// <summary>A place name: a root, usually with one of the culture's place endings.</summary>
    public static string PlaceName(Culture culture, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        // A bare root has two syllables: one-syllable bare names ("By", "Un") read as fragments.
        return rng.NextInt(4) == 0 ? Word(culture, rng, 2, 2) : Join(Word(culture, rng, 1, 2), Pick(culture.PlaceEndings, rng));
    }

    /// <summary>A person's full name: a given name and a family name formed the culture's way.</summary>
    public static string PersonName(Culture culture, ChaChaRng rng)
    {
        var given = GivenName(culture, rng);
        return given + " " + FamilyName(culture, rng);
    }

    /// <summary>A given name: mostly two syllables, now and then one or three.</summary>
    public static string GivenName(Culture culture, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        // Three-syllable names with clusters run long ("Thjassanfjar"); one in eight keeps some variety.
        var roll = rng.NextInt(8);
        var syllables = roll == 0 ? 3 : roll == 1 ? 1 : 2;
        var name = Syllables(culture, rng, syllables);
        // A one-syllable name needs a closing consonant ("Bjorn", not "Ba").
        if (syllables == 1 && !IsVowel(name[^1]))
        {
            return Capitalise(name);
        }

        return syllables == 1 ? Capitalise(name + Syllables(culture, rng, 1)) : Capitalise(name);
    }

    /// <summary>A family name formed the culture's way (<see cref="Culture.FamilyPattern"/>), for someone whose parent is not named.</summary>
    public static string FamilyName(Culture culture, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        return culture.FamilyPattern switch
        {
            "patronym" => FamilyNameFrom(culture, GivenName(culture, rng), string.Empty),
            "place" => "of " + PlaceName(culture, rng),
            _ => Word(culture, rng, 2, 2),
        };
    }

    /// <summary>
    /// The family name of the child of a parent called <paramref name="parentGiven"/> <paramref name="parentFamily"/>:
    /// a patronym from the parent's given name, or else the parent's own family name. No random numbers.
    /// </summary>
    public static string FamilyNameFrom(Culture culture, string parentGiven, string parentFamily)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(parentGiven);
        ArgumentNullException.ThrowIfNull(parentFamily);
        if (culture.FamilyPattern != "patronym")
        {
            return parentFamily;
        }

        // "ibn " precedes the name, "son" follows it; the seam keeps both letters ("Ras" + "son" → "Rasson") so the
        // father's name stays readable.
        return culture.PatronymSuffix.EndsWith(' ') ? culture.PatronymSuffix + parentGiven : parentGiven + culture.PatronymSuffix;
    }

    /// <summary>
    /// Calls <paramref name="make"/> until it gives a name not in <paramref name="used"/>, adds it and returns it.
    /// After 32 clashes it appends a number (" 2", " 3", ...), so it always ends.
    /// </summary>
    public static string Unique(ISet<string> used, Func<string> make)
    {
        ArgumentNullException.ThrowIfNull(used);
        ArgumentNullException.ThrowIfNull(make);
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var name = make();
            if (used.Add(name))
            {
                return name;
            }
        }

        var basis = make();
        for (var n = 2; ; n++)
        {
            var name = $"{basis} {n}";
            if (used.Add(name))
            {
                return name;
            }
        }
    }

    private static string Syllables(Culture culture, ChaChaRng rng, int count)
    {
        var word = new StringBuilder();
        var innerCoda = 0;
        for (var i = 0; i < count; i++)
        {
            var onset = Pick(culture.Onsets, rng);
            if (i > 0)
            {
                if (onset.Length > 0 && IsVowel(onset[0]))
                {
                    onset = string.Empty;
                }

                if (onset.Length == 0 && IsVowel(word[^1]))
                {
                    onset = culture.Onsets[0];
                }

                if (innerCoda + onset.Length > 2)
                {
                    word.Length -= innerCoda;
                }
            }

            var nucleus = Pick(culture.Nuclei, rng);
            // A consonant-led nucleus ("ja") after an onset ending in the same letter ("bj") would double it.
            word.Append(onset).Append(onset.Length > 0 && nucleus[0] == onset[^1] ? nucleus[1..] : nucleus);
            // Only the last syllable may close with a cluster; inner codas stay to one letter.
            var coda = Pick(culture.Codas, rng);
            innerCoda = Math.Min(coda.Length, 1);
            word.Append(i == count - 1 ? coda : coda[..innerCoda]);
        }

        return word.ToString();
    }

    private static string Join(string root, string ending) =>
        // Avoid doubled letters at the seam ("Borg" + "gard" → "Borgard").
        root.Length > 0 && ending.Length > 0 && char.ToLowerInvariant(root[^1]) == ending[0] ? root + ending[1..] : root + ending;

    private static string Pick(IReadOnlyList<string> options, ChaChaRng rng) => options[rng.NextInt(options.Count)];

    private static bool IsVowel(char c) => "aeiouy".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
