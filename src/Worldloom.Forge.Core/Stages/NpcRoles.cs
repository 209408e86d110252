using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// What people do, by settlement size: how many named NPCs a settlement has, who leads it, and the weighted role
/// tables the others are drawn from. Part of the generator version: edit only with a version bump.
/// </summary>
public static class NpcRoles
{
    /// <summary>The leader of a faction capital, whatever its size.</summary>
    public const string Ruler = "ruler";

    private static readonly NpcRole[] Leaders =
    [
        new("elder", 0, 55, 85, true),
        new("reeve", 0, 30, 65, true),
        new("mayor", 0, 35, 70, true),
        new("lord", 0, 25, 70, true),
        new(Ruler, 0, 25, 75, true),
    ];

    private static readonly NpcRole[] Hamlet =
    [
        new("farmer", 6, 16, 70), new("herder", 3, 14, 60), new("hunter", 3, 16, 55), new("woodcutter", 2, 16, 55),
        new("trapper", 1, 16, 60), new("charcoal burner", 1, 18, 60), new("miller", 1, 25, 65, true),
        new("midwife", 1, 30, 75, true), new("beekeeper", 1, 20, 70),
    ];

    private static readonly NpcRole[] Village =
    [
        new("farmer", 5, 16, 70), new("herder", 2, 14, 60), new("hunter", 2, 16, 55), new("woodcutter", 1, 16, 55),
        new("blacksmith", 2, 22, 65, true), new("innkeeper", 2, 25, 70, true), new("priest", 1, 25, 75, true),
        new("miller", 1, 25, 65, true), new("carpenter", 2, 18, 65), new("weaver", 2, 16, 70), new("baker", 1, 18, 65),
        new("apprentice", 2, 12, 19), new("guard", 2, 18, 45), new("healer", 1, 25, 75, true), new("labourer", 2, 15, 55),
        new("midwife", 1, 30, 75, true),
    ];

    private static readonly NpcRole[] Town =
    [
        new("merchant", 4, 20, 70), new("guard", 4, 18, 45), new("sergeant of the watch", 1, 25, 55, true),
        new("blacksmith", 2, 22, 65), new("innkeeper", 2, 25, 70), new("priest", 2, 25, 75), new("apprentice", 3, 12, 19),
        new("carpenter", 2, 18, 65), new("mason", 2, 18, 60), new("tanner", 1, 18, 60), new("brewer", 1, 20, 65),
        new("cooper", 1, 18, 60), new("weaver", 1, 16, 70), new("baker", 1, 18, 65), new("healer", 2, 25, 75),
        new("scribe", 2, 18, 65), new("jeweller", 1, 25, 70), new("stablehand", 2, 12, 40), new("labourer", 3, 15, 55),
        new("farmer", 2, 16, 70), new("servant", 2, 14, 60), new("bard", 1, 16, 60), new("herbalist", 1, 20, 75),
    ];

    private static readonly NpcRole[] City =
    [
        new("guildmaster", 1, 40, 75, true), new("magistrate", 1, 35, 75, true),
        new("captain of the guard", 1, 28, 55, true), new("merchant prince", 1, 30, 75, true),
        new("high priest", 1, 40, 80, true), new("spymaster", 1, 30, 65, true), new("scholar", 2, 25, 80),
        new("priest", 2, 25, 75), new("alchemist", 2, 25, 75), new("merchant", 4, 20, 70), new("guard", 4, 18, 45),
        new("blacksmith", 2, 22, 65), new("innkeeper", 2, 25, 70), new("scribe", 2, 18, 65), new("clerk", 2, 16, 60),
        new("banker", 1, 30, 70), new("bard", 2, 16, 60), new("physician", 1, 30, 75), new("jeweller", 1, 25, 70),
        new("mason", 2, 18, 60), new("servant", 3, 14, 60), new("labourer", 3, 15, 55), new("apprentice", 3, 12, 19),
        new("courier", 1, 14, 35), new("thief", 1, 14, 45),
    ];

    // Coastal settlements add sea trades to their table.
    private static readonly NpcRole[] SmallCoast = [new("fisher", 4, 14, 65), new("net mender", 1, 14, 75)];

    private static readonly NpcRole[] LargeCoast =
    [
        new("fisher", 2, 14, 65), new("sailor", 3, 15, 55), new("shipwright", 1, 25, 65, true),
        new("harbourmaster", 1, 30, 65, true),
    ];

    /// <summary>Every leader role: elder, reeve, mayor, lord and ruler. No other role is ever one of these.</summary>
    public static IReadOnlyList<string> LeaderRoles { get; } = Array.ConvertAll(Leaders, r => r.Name);

    /// <summary>Whether <paramref name="role"/> is a settlement's leader.</summary>
    public static bool IsLeader(string role) => Array.Exists(Leaders, r => r.Name == role);

    /// <summary>The fewest and most named NPCs of a settlement of <paramref name="size"/>, inclusive.</summary>
    public static (int Min, int Max) Count(SettlementSize size) => size switch
    {
        SettlementSize.Hamlet => (2, 4),
        SettlementSize.Village => (4, 8),
        SettlementSize.Town => (8, 16),
        _ => (16, 32),
    };

    /// <summary>The leader of a settlement: elder, reeve, mayor or lord by size, or the ruler in a faction capital.</summary>
    public static NpcRole LeaderOf(SettlementSize size, bool capital) => capital ? Leaders[4] : size switch
    {
        SettlementSize.Hamlet => Leaders[0],
        SettlementSize.Village => Leaders[1],
        SettlementSize.Town => Leaders[2],
        _ => Leaders[3],
    };

    /// <summary>The roles everyone but the leader is drawn from.</summary>
    public static IReadOnlyList<NpcRole> TableFor(SettlementSize size, bool coastal)
    {
        var table = size switch
        {
            SettlementSize.Hamlet => Hamlet,
            SettlementSize.Village => Village,
            SettlementSize.Town => Town,
            _ => City,
        };
        return !coastal ? table : [.. table, .. size <= SettlementSize.Village ? SmallCoast : LargeCoast];
    }

    /// <summary>The plausible ages of <paramref name="role"/>, inclusive; 16–70 for a role of no table.</summary>
    public static (int Min, int Max) Ages(string role)
    {
        foreach (var table in new[] { Leaders, Hamlet, Village, Town, City, SmallCoast, LargeCoast })
        {
            var found = Array.Find(table, r => r.Name == role);
            if (found is not null)
            {
                return (found.MinAge, found.MaxAge);
            }
        }

        return (16, 70);
    }

    /// <summary>
    /// Whether a settlement of <paramref name="size"/> has at most one <paramref name="role"/>, so that it reads "the
    /// reeve of X" rather than "a farmer from X".
    /// </summary>
    public static bool IsUnique(string role, SettlementSize size) =>
        IsLeader(role) || TableFor(size, coastal: true).Any(r => r.Name == role && r.Unique);

    /// <summary>
    /// Who may employ someone of <paramref name="role"/>, most fitting first; empty when the role works for itself.
    /// </summary>
    public static IReadOnlyList<string> EmployersOf(string role) => role switch
    {
        "guard" => ["captain of the guard", "sergeant of the watch", Ruler, "lord", "mayor", "reeve"],
        "servant" => [Ruler, "lord", "merchant prince", "magistrate", "banker", "mayor"],
        "stablehand" => ["innkeeper"],
        "labourer" => ["merchant", "miller", "guildmaster", "mason", "carpenter", "farmer"],
        "clerk" => ["banker", "merchant prince", "magistrate", "guildmaster", "merchant"],
        "scribe" => ["magistrate", Ruler, "lord", "mayor", "high priest"],
        "sailor" => ["shipwright", "harbourmaster", "merchant prince", "merchant"],
        "courier" => ["merchant prince", "banker", "spymaster", "merchant"],
        "net mender" => ["fisher"],
        _ => [],
    };

    /// <summary>Whether someone of <paramref name="role"/> teaches a craft or lore to an apprentice or student.</summary>
    public static bool Teaches(string role) => role is "blacksmith" or "carpenter" or "mason" or "alchemist" or "weaver"
        or "baker" or "tanner" or "brewer" or "cooper" or "jeweller" or "healer" or "physician" or "scholar"
        or "shipwright" or "herbalist" or "hunter" or "priest" or "high priest" or "bard" or "midwife";
}
