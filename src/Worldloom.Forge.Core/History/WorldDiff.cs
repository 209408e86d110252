using System.Globalization;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.History;

/// <summary>
/// What changed between two versions of one world (usually two snapshots), in words and counts: settlements added,
/// removed, renamed, moved or changing hands; regions changing biome or faction; NPCs and points of interest added,
/// removed or edited; and how many cells changed biome. Pure: a function of the two worlds.
/// </summary>
public sealed class WorldDiff
{
    private WorldDiff(IReadOnlyList<WorldChange> changes)
    {
        Changes = changes;
        Counts = changes.GroupBy(c => c.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Summary = changes.Count == 0
            ? "No changes."
            : string.Join("; ", Counts.Select(c => Describe(c.Key, c.Value))) + ".";
    }

    /// <summary>Every change, grouped by kind in a fixed order, then by subject id.</summary>
    public IReadOnlyList<WorldChange> Changes { get; }

    /// <summary>How many changes of each kind, by kind name (sorted).</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>One line in words, e.g. <c>2 settlements renamed; 1 point of interest added.</c></summary>
    public string Summary { get; }

    /// <summary>The changes that turn <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static WorldDiff Compare(ForgeWorld before, ForgeWorld after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<WorldChange>();
        CompareSettlements(before, after, changes);
        CompareRegions(before, after, changes);
        CompareNpcs(before, after, changes);
        ComparePois(before, after, changes);
        CompareBiomeCells(before, after, changes);
        return new WorldDiff(changes);
    }

    private static void CompareSettlements(ForgeWorld before, ForgeWorld after, List<WorldChange> changes)
    {
        var old = before.Settlements.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var now = after.Settlements.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var s in before.Settlements.Where(s => !now.ContainsKey(s.Id)))
        {
            changes.Add(new("settlement.removed", s.Id, $"Settlement \"{s.Name}\" removed."));
        }

        foreach (var s in after.Settlements.Where(s => !old.ContainsKey(s.Id)))
        {
            changes.Add(new("settlement.added", s.Id, $"Settlement \"{s.Name}\" added at {At(s.Location)}."));
        }

        foreach (var s in after.Settlements)
        {
            if (!old.TryGetValue(s.Id, out var was))
            {
                continue;
            }

            if (was.Name != s.Name)
            {
                changes.Add(new("settlement.renamed", s.Id, $"Settlement \"{was.Name}\" renamed to \"{s.Name}\"."));
            }

            if (was.Location != s.Location)
            {
                changes.Add(new("settlement.moved", s.Id, $"Settlement \"{s.Name}\" moved from {At(was.Location)} to {At(s.Location)}."));
            }

            if (was.FactionId != s.FactionId)
            {
                changes.Add(new("settlement.faction", s.Id, $"Settlement \"{s.Name}\" passed from {Faction(before, was.FactionId)} to {Faction(after, s.FactionId)}."));
            }
        }
    }

    private static void CompareRegions(ForgeWorld before, ForgeWorld after, List<WorldChange> changes)
    {
        var old = before.Regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var r in after.Regions)
        {
            if (!old.TryGetValue(r.Id, out var was))
            {
                continue;
            }

            if (was.Biome != r.Biome)
            {
                changes.Add(new("region.biome", r.Id, $"Region \"{r.Name}\" turned from {BiomeNames.ToName(was.Biome)} to {BiomeNames.ToName(r.Biome)}."));
            }

            if (was.FactionId != r.FactionId)
            {
                changes.Add(new("region.faction", r.Id, $"Region \"{r.Name}\" passed from {Faction(before, was.FactionId)} to {Faction(after, r.FactionId)}."));
            }
        }
    }

    private static void CompareNpcs(ForgeWorld before, ForgeWorld after, List<WorldChange> changes)
    {
        var old = before.Npcs.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var now = after.Npcs.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var n in before.Npcs.Where(n => !now.ContainsKey(n.Id)))
        {
            changes.Add(new("npc.removed", n.Id, $"{n.Name} ({n.Role}) is gone."));
        }

        foreach (var n in after.Npcs.Where(n => !old.ContainsKey(n.Id)))
        {
            changes.Add(new("npc.added", n.Id, $"{n.Name} ({n.Role}) appeared."));
        }

        foreach (var n in after.Npcs)
        {
            if (old.TryGetValue(n.Id, out var was) && !was.Traits.SequenceEqual(n.Traits, StringComparer.Ordinal))
            {
                changes.Add(new("npc.traits", n.Id, $"{n.Name}'s traits changed from {string.Join(", ", was.Traits)} to {string.Join(", ", n.Traits)}."));
            }
        }
    }

    private static void ComparePois(ForgeWorld before, ForgeWorld after, List<WorldChange> changes)
    {
        var old = before.PointsOfInterest.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var now = after.PointsOfInterest.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var p in before.PointsOfInterest.Where(p => !now.ContainsKey(p.Id)))
        {
            changes.Add(new("poi.removed", p.Id, $"{Capitalise(p.Kind)} \"{p.Name}\" removed."));
        }

        foreach (var p in after.PointsOfInterest.Where(p => !old.ContainsKey(p.Id)))
        {
            changes.Add(new("poi.added", p.Id, $"{Capitalise(p.Kind)} \"{p.Name}\" added at {At(p.Location)}."));
        }

        foreach (var p in after.PointsOfInterest)
        {
            if (old.TryGetValue(p.Id, out var was) && (was.Name != p.Name || was.Location != p.Location || was.Hook.Text != p.Hook.Text))
            {
                changes.Add(new("poi.changed", p.Id, $"{Capitalise(p.Kind)} \"{p.Name}\" changed."));
            }
        }
    }

    private static void CompareBiomeCells(ForgeWorld before, ForgeWorld after, List<WorldChange> changes)
    {
        if (before.Biomes is not { } a || after.Biomes is not { } b || a.Width != b.Width || a.Height != b.Height)
        {
            return;
        }

        // One change per biome pair, not per cell: a repainted region would otherwise list thousands of lines.
        var pairs = new SortedDictionary<(byte From, byte To), int>();
        var cellsA = a.Cells;
        var cellsB = b.Cells;
        for (var i = 0; i < cellsA.Length; i++)
        {
            if (cellsA[i] != cellsB[i])
            {
                var key = (cellsA[i], cellsB[i]);
                pairs[key] = pairs.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var ((from, to), count) in pairs)
        {
            var fromName = BiomeNames.ToName((Biome)from);
            var toName = BiomeNames.ToName((Biome)to);
            changes.Add(new("cells.biome", $"{fromName}->{toName}", string.Create(CultureInfo.InvariantCulture, $"{count} cells turned from {fromName} to {toName}.")));
        }
    }

    private static string Describe(string kind, int count) => kind switch
    {
        "settlement.removed" => Plural(count, "settlement", "settlements") + " removed",
        "settlement.added" => Plural(count, "settlement", "settlements") + " added",
        "settlement.renamed" => Plural(count, "settlement", "settlements") + " renamed",
        "settlement.moved" => Plural(count, "settlement", "settlements") + " moved",
        "settlement.faction" => Plural(count, "settlement", "settlements") + " changed hands",
        "region.biome" => Plural(count, "region", "regions") + " changed biome",
        "region.faction" => Plural(count, "region", "regions") + " changed hands",
        "npc.removed" => Plural(count, "NPC", "NPCs") + " removed",
        "npc.added" => Plural(count, "NPC", "NPCs") + " added",
        "npc.traits" => Plural(count, "NPC", "NPCs") + " with new traits",
        "poi.removed" => Plural(count, "point of interest", "points of interest") + " removed",
        "poi.added" => Plural(count, "point of interest", "points of interest") + " added",
        "poi.changed" => Plural(count, "point of interest", "points of interest") + " changed",
        "cells.biome" => Plural(count, "biome repaint", "biome repaints"),
        _ => Plural(count, kind, kind),
    };

    private static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static string At(GridPoint p) => string.Create(CultureInfo.InvariantCulture, $"({p.X}, {p.Y})");

    private static string Faction(ForgeWorld world, string? id) =>
        id is null ? "no faction" : world.Factions.FirstOrDefault(f => f.Id == id)?.Name ?? id;

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
