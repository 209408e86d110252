using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>A body plan the bestiary draws species from: base numbers, habits, habitats and heritable traits.</summary>
/// <param name="Id">The family as written into <see cref="Species.Family"/> (snake_case, e.g. <c>giant_spider</c>).</param>
/// <param name="Noun">The last word of a species name (e.g. <c>Spider</c>).</param>
/// <param name="Stats">Base stats before the ±25% variation.</param>
/// <param name="Behaviours">Behaviours every species of the family has.</param>
/// <param name="MayBehave">Behaviours a species may also have.</param>
/// <param name="Biomes">Land biomes it is at home in.</param>
/// <param name="Parts">Body parts for compound names ("fang" → "Frostfang Wolf").</param>
/// <param name="Genes">Family-specific genes besides the ones every species has.</param>
/// <param name="Aggression">Typical aggression, 0–100; centres the aggression gene.</param>
/// <param name="Fertility">Typical brood size, 1–12; centres the fertility gene.</param>
public sealed record CreatureFamily(
    string Id,
    string Noun,
    SpeciesStats Stats,
    IReadOnlyList<string> Behaviours,
    IReadOnlyList<string> MayBehave,
    IReadOnlyList<Biome> Biomes,
    IReadOnlyList<string> Parts,
    IReadOnlyList<string> Genes,
    int Aggression,
    int Fertility);
