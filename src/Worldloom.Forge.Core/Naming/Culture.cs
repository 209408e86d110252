namespace Worldloom.Forge.Core.Naming;

/// <summary>
/// The sound of a people: the syllable parts their names are built from and the endings of their place names.
/// Names are onset + nucleus (+ coda) syllables, so every culture's names sound alike but are never a fixed list.
/// </summary>
/// <param name="Id">Stable id written into the world (e.g. <c>nordic</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Onsets">Consonant clusters that start a syllable; an empty string allows vowel starts.</param>
/// <param name="Nuclei">Vowels and diphthongs.</param>
/// <param name="Codas">Consonants that may close a syllable; an empty string allows open syllables.</param>
/// <param name="PlaceEndings">Endings that turn a root into a place name.</param>
/// <param name="FamilyPattern">How a person's family name is formed: <c>root</c>, <c>patronym</c> (given name + suffix) or <c>place</c> ("of" a place-like root).</param>
/// <param name="PatronymSuffix">Suffix for patronyms (e.g. <c>son</c>); unused otherwise.</param>
public sealed record Culture(
    string Id,
    string Name,
    IReadOnlyList<string> Onsets,
    IReadOnlyList<string> Nuclei,
    IReadOnlyList<string> Codas,
    IReadOnlyList<string> PlaceEndings,
    string FamilyPattern,
    string PatronymSuffix);
