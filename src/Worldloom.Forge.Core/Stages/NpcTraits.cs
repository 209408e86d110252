namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Personality traits. Paired traits are opposites and never both describe one NPC; the rest pair with anything.
/// Part of the generator version: edit only with a version bump.
/// </summary>
public static class NpcTraits
{
    private static readonly (string Trait, string Opposite)[] Pairs =
    [
        ("honest", "deceitful"), ("brave", "cowardly"), ("generous", "greedy"), ("kind", "cruel"),
        ("patient", "hot-tempered"), ("humble", "proud"), ("loyal", "treacherous"), ("cheerful", "gloomy"),
        ("diligent", "lazy"), ("trusting", "suspicious"), ("pious", "irreverent"), ("cautious", "reckless"),
    ];

    private static readonly string[] Unpaired = ["ambitious", "curious", "shrewd", "stubborn", "superstitious", "witty"];

    private static readonly string[] List =
        [.. Pairs.Select(p => p.Trait), .. Pairs.Select(p => p.Opposite), .. Unpaired];

    /// <summary>Every trait, in table order (the order draws index into).</summary>
    public static IReadOnlyList<string> All => List;

    /// <summary>The pairs of opposite traits.</summary>
    public static IReadOnlyList<(string Trait, string Opposite)> Opposites => Pairs;

    /// <summary>The opposite of <paramref name="trait"/>, or null when it has none.</summary>
    public static string? OppositeOf(string trait)
    {
        foreach (var (a, b) in Pairs)
        {
            if (a == trait)
            {
                return b;
            }

            if (b == trait)
            {
                return a;
            }
        }

        return null;
    }
}
