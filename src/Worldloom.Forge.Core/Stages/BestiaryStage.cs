using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The creatures of the world: for each land biome present (in biome byte order), two to five species drawn from the
/// <see cref="CreatureFamilies"/> at home there, more for biomes that cover more of the land. Each species varies its
/// family's stats by up to ±25%, adds a few habits, carries gene ranges for breeding, and has a threat that follows
/// from its stats alone.
/// </summary>
public sealed class BestiaryStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "bestiary";

    /// <summary>The fewest species at home in a biome present in the world.</summary>
    public const int MinPerBiome = 2;

    /// <summary>The most species at home in one biome.</summary>
    public const int MaxPerBiome = 5;

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        world.Bestiary = Generate(ForgeWorld.Require(world.Biomes, "biome").Histogram(), rng);
    }

    /// <summary>The bestiary of a world whose biome cell counts (indexed by biome byte) are <paramref name="histogram"/>.</summary>
    public static IReadOnlyList<Species> Generate(IReadOnlyList<int> histogram, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(rng);
        var present = new List<Biome>();
        long land = 0;
        for (var b = 0; b < Math.Min(histogram.Count, BiomeNames.All.Count); b++)
        {
            if (histogram[b] > 0 && !BiomeNames.IsWater((Biome)b))
            {
                present.Add((Biome)b);
                land += histogram[b];
            }
        }

        var species = new List<Species>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var home in present)
        {
            // A biome with a fifth of the land gets two more species, one with a twelfth gets one more.
            var share = histogram[(int)home] * 100L / land;
            var count = Math.Min(MaxPerBiome, MinPerBiome + (share >= 20 ? 2 : share >= 8 ? 1 : 0) + rng.NextInt(2));
            var families = CreatureFamilies.LivingIn(home).ToList();
            for (var k = 0; k < count; k++)
            {
                // Distinct families while they last (every land biome has at least five).
                var pick = k % families.Count;
                var at = pick + rng.NextInt(families.Count - pick);
                (families[pick], families[at]) = (families[at], families[pick]);
                species.Add(Make(families[pick], home, present, species.Count + 1, names, rng));
            }
        }

        return species;
    }

    /// <summary>A stat-derived power score; <see cref="ThreatOf"/> grows with it and with nothing else.</summary>
    public static int Power(SpeciesStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return (stats.Health / 4) + (3 * stats.Attack) + (2 * stats.Defense) + (stats.Speed / 10);
    }

    /// <summary>Threat 1–10 from <see cref="Power"/>: a hare is 1, a wolf 3, a bear 5, a wyvern 9.</summary>
    public static int ThreatOf(SpeciesStats stats) => Math.Clamp(1 + (Power(stats) * 9 / 250), 1, 10);

    private static Species Make(CreatureFamily family, Biome home, List<Biome> present, int number, HashSet<string> names, ChaChaRng rng)
    {
        var name = NameGenerator.Unique(names, () => SpeciesName(family, home, rng));
        var biomes = new List<Biome> { home };
        var kin = family.Biomes.Where(b => b != home && present.Contains(b)).ToList();
        for (var extra = Math.Min(kin.Count, rng.NextInt(3)); extra > 0; extra--)
        {
            var at = rng.NextInt(kin.Count);
            biomes.Add(kin[at]);
            kin.RemoveAt(at);
        }

        biomes.Sort();
        var s = family.Stats;
        var stats = new SpeciesStats(Vary(s.Health, rng), Vary(s.Attack, rng), Vary(s.Defense, rng), Vary(s.Speed, rng), Vary(s.Perception, rng));
        return new Species
        {
            Id = "species-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = name,
            Family = family.Id,
            Biomes = biomes,
            Stats = stats,
            Behaviours = Behaviours(family, rng),
            Genes = Genes(family, rng),
            Threat = ThreatOf(stats),
        };
    }

    private static string SpeciesName(CreatureFamily family, Biome home, ChaChaRng rng)
    {
        var words = CreatureFamilies.WordsFor(home);
        var word = words[rng.NextInt(words.Count)];
        return rng.NextInt(3) switch
        {
            0 => word + " " + family.Noun,
            1 => word + family.Parts[rng.NextInt(family.Parts.Count)] + " " + family.Noun,
            // A word in the tongue of the people who would live there ("Kharuun Scorpion").
            _ => NameGenerator.Word(Cultures.ForSite(home, home == Biome.Beach, home == Biome.Alpine), rng, 2, 2) + " " + family.Noun,
        };
    }

    private static int Vary(int value, ChaChaRng rng) => Math.Max(1, value * rng.NextInt(75, 126) / 100);

    private static string[] Behaviours(CreatureFamily family, ChaChaRng rng)
    {
        var behaviours = new List<string>(family.Behaviours);
        for (var tries = rng.NextInt(3); tries > 0; tries--)
        {
            var extra = family.MayBehave[rng.NextInt(family.MayBehave.Count)];
            if (!behaviours.Contains(extra) && behaviours.TrueForAll(b => CreatureFamilies.Compatible(b, extra)))
            {
                behaviours.Add(extra);
            }
        }

        var sorted = behaviours.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    private static GeneRange[] Genes(CreatureFamily family, ChaChaRng rng)
    {
        var names = CreatureFamilies.Common.Concat(family.Genes).Distinct().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var genes = new GeneRange[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            int min, max;
            switch (names[i])
            {
                case "size" or "speed":
                    min = rng.NextInt(60, 96);
                    max = min + rng.NextInt(20, 61);
                    break;
                case "colour_hue":
                    min = rng.NextInt(0, 300);
                    max = min + rng.NextInt(15, 60);
                    break;
                case "fertility":
                    min = Math.Max(1, family.Fertility - rng.NextInt(3));
                    max = Math.Min(12, family.Fertility + rng.NextInt(1, 4));
                    break;
                case "aggression":
                    min = Math.Clamp(family.Aggression - rng.NextInt(5, 21), 0, 99);
                    max = Math.Clamp(family.Aggression + rng.NextInt(5, 21), min + 1, 100);
                    break;
                default:
                    min = rng.NextInt(5, 51);
                    max = min + rng.NextInt(10, 41);
                    break;
            }

            genes[i] = new GeneRange(names[i], min, max);
        }

        return genes;
    }
}
