using System.Text;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Core.Naming;

/// <summary>
/// Seeded names from a <see cref="Culture"/>'s syllables. Pure: the same culture and stream give the same names.
/// Callers that need unique names keep the set of names used and ask again (<see cref="Unique"/>).
/// </summary>
public static class NameGenerator
{
    /// <summary>A capitalised word of <paramref name="minSyllables"/>–<paramref name="maxSyllables"/> syllables.</summary>
    public static string Word(Culture culture, ChaChaRng rng, int minSyllables = 2, int maxSyllables = 3)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        var syllables = rng.NextInt(minSyllables, maxSyllables + 1);
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            var onset = Pick(culture.Onsets, rng);
            // Two vowels meeting across a syllable boundary read badly; give the second syllable a consonant.
            if (onset.Length == 0 && word.Length > 0 && IsVowel(word[^1]))
            {
                onset = culture.Onsets[0];
            }

            word.Append(onset).Append(Pick(culture.Nuclei, rng));
            // Only the last syllable may close with a cluster; inner codas stay to one letter to keep names sayable.
            var coda = Pick(culture.Codas, rng);
            word.Append(i == syllables - 1 || coda.Length <= 1 ? coda : coda[..1]);
        }

        return Capitalise(word.ToString());
    }

    /// <summary>A place name: a one- or two-syllable root, usually with one of the culture's place endings.</summary>
    public static string PlaceName(Culture culture, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        var root = Word(culture, rng, 1, 2);
        return rng.NextInt(4) == 0 ? root : Join(root, Pick(culture.PlaceEndings, rng));
    }

    /// <summary>A person's full name: a given name and a family name formed the culture's way.</summary>
    public static string PersonName(Culture culture, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(rng);
        var given = Word(culture, rng, 2, 3);
        var family = culture.FamilyPattern switch
        {
            "patronym" when culture.PatronymSuffix.EndsWith(' ') => culture.PatronymSuffix + Word(culture, rng, 2, 3),
            "patronym" => Word(culture, rng, 1, 2) + culture.PatronymSuffix,
            "place" => "of " + PlaceName(culture, rng),
            _ => Word(culture, rng, 2, 3),
        };
        return given + " " + family;
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

    private static string Join(string root, string ending) =>
        // Avoid doubled letters at the seam ("Borg" + "gard" → "Borgard").
        root.Length > 0 && ending.Length > 0 && char.ToLowerInvariant(root[^1]) == ending[0] ? root + ending[1..] : root + ending;

    private static string Pick(IReadOnlyList<string> options, ChaChaRng rng) => options[rng.NextInt(options.Count)];

    private static bool IsVowel(char c) => "aeiouy".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
