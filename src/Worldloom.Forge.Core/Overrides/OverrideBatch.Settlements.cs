using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

// Moving, renaming and deleting settlements, with what hangs off them: roads, NPCs, hooks, seats and capitals.
public sealed partial class OverrideBatch
{
    private void Move(MoveSettlement move, string field, List<ParameterError> errors)
    {
        var index = FindSettlement(move.SettlementId);
        if (index < 0)
        {
            errors.Add(UnknownSettlement(field, move.SettlementId));
        }

        if (SiteProblem(move.To) is { } site)
        {
            errors.Add(new ParameterError($"{field}.to", site));
        }
        else if (IndexOf(Settlements, s => s.Location == move.To && s.Id != move.SettlementId) is var other and >= 0)
        {
            errors.Add(new ParameterError($"{field}.to", $"Settlement '{Settlements[other].Id}' already stands at ({move.To.X}, {move.To.Y})."));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var settlement = Settlements[index];
        if (settlement.Location == move.To)
        {
            return;
        }

        var regionId = _world.RegionMap is null ? settlement.RegionId : RegionIdAt(move.To);
        var factionId = _world.RegionMap is null
            ? settlement.FactionId
            : regionId is null ? null : Regions[FindRegion(regionId)].FactionId;
        var factionChanged = factionId != settlement.FactionId;
        EditSettlements()[index] = settlement with
        {
            Location = move.To,
            Biome = BiomeAt(move.To) ?? settlement.Biome,
            Coastal = IsCoastal(move.To),
            FreshWater = _world.Hydrology is { } hydrology ? HasFreshWater(move.To, hydrology) : settlement.FreshWater,
            RegionId = regionId,
            FactionId = factionId,
            IsCapital = settlement.IsCapital && !factionChanged,
        };

        // Road paths were routed to the old cell; there is no road router outside the roads stage, so a road that
        // would now end in the wrong place is dropped rather than bent.
        DropRoadsTouching(settlement.Id);
        if (factionChanged)
        {
            SetNpcFactions(settlement.Id, factionId);
            EnsureCapital(settlement.FactionId);
            EnsureCapital(factionId);
        }

        if (regionId != settlement.RegionId)
        {
            EnsureSeat(settlement.RegionId);
            EnsureSeat(regionId);
        }
    }

    private void Rename(RenameSettlement rename, string field, List<ParameterError> errors)
    {
        var index = FindSettlement(rename.SettlementId);
        if (index < 0)
        {
            errors.Add(UnknownSettlement(field, rename.SettlementId));
        }

        if (NameProblem(rename.Name, OverrideApplier.MaxNameLength) is { } problem)
        {
            errors.Add(new ParameterError($"{field}.name", problem));
        }
        else if (IndexOf(Settlements, s => s.Name == rename.Name && s.Id != rename.SettlementId) is var other and >= 0)
        {
            errors.Add(new ParameterError($"{field}.name", $"Settlement '{Settlements[other].Id}' is already called '{rename.Name}'."));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var settlement = Settlements[index];
        if (settlement.Name == rename.Name)
        {
            return;
        }

        EditSettlements()[index] = settlement with { Name = rename.Name };
        for (var i = 0; i < Pois.Count; i++)
        {
            var poi = Pois[i];
            if (poi.Hook.SettlementIds.Contains(settlement.Id)
                && ReplaceName(poi.Hook.Text, settlement.Name, rename.Name) is var text && text != poi.Hook.Text)
            {
                EditPois()[i] = poi with { Hook = poi.Hook with { Text = text } };
            }
        }
    }

    private void Delete(DeleteSettlement delete, string field, List<ParameterError> errors)
    {
        var index = FindSettlement(delete.SettlementId);
        if (index < 0)
        {
            errors.Add(UnknownSettlement(field, delete.SettlementId));
            return;
        }

        var settlement = Settlements[index];
        EditSettlements().RemoveAt(index);
        _settlementIndex = null;
        DropRoadsTouching(settlement.Id);

        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var npc in Npcs)
        {
            if (npc.SettlementId == settlement.Id)
            {
                gone.Add(npc.Id);
            }
        }

        if (gone.Count > 0)
        {
            EditNpcs().RemoveAll(n => gone.Contains(n.Id));
            _npcIndex = null;
            for (var i = 0; i < Npcs.Count; i++)
            {
                var npc = Npcs[i];
                if (npc.Relationships.Any(r => gone.Contains(r.NpcId)))
                {
                    EditNpcs()[i] = npc with { Relationships = npc.Relationships.Where(r => !gone.Contains(r.NpcId)).ToArray() };
                }
            }
        }

        // Hooks keep their text (it is prose, and the place it names is gone from the map, not from history) but lose
        // the ids, so nothing points at a settlement or NPC that no longer exists.
        for (var i = 0; i < Pois.Count; i++)
        {
            var hook = Pois[i].Hook;
            if (hook.SettlementIds.Contains(settlement.Id) || hook.NpcIds.Any(gone.Contains))
            {
                EditPois()[i] = Pois[i] with
                {
                    Hook = hook with
                    {
                        SettlementIds = hook.SettlementIds.Where(id => id != settlement.Id).ToArray(),
                        NpcIds = hook.NpcIds.Where(id => !gone.Contains(id)).ToArray(),
                    },
                };
            }
        }

        EnsureCapital(settlement.FactionId);
        EnsureSeat(settlement.RegionId);
    }

    private static ParameterError UnknownSettlement(string field, string? id) =>
        new($"{field}.settlementId", $"Unknown settlement '{id}'.");

    private void DropRoadsTouching(string settlementId)
    {
        if (_roads is null && !_world.Roads.Any(r => r.From == settlementId || r.To == settlementId))
        {
            return;
        }

        EditRoads().RemoveAll(r => r.From == settlementId || r.To == settlementId);
    }

    private void SetNpcFactions(string settlementId, string? factionId)
    {
        for (var i = 0; i < Npcs.Count; i++)
        {
            if (Npcs[i].SettlementId == settlementId && Npcs[i].FactionId != factionId)
            {
                EditNpcs()[i] = Npcs[i] with { FactionId = factionId };
            }
        }
    }

    /// <summary>
    /// Makes sure the faction's capital is one of its settlements: when it is not (deleted, moved or handed away), its
    /// most populous settlement becomes capital (the first in id order on a tie), or none ("") when it holds nothing.
    /// </summary>
    private void EnsureCapital(string? factionId)
    {
        var at = FindFaction(factionId);
        if (at < 0)
        {
            return;
        }

        var faction = Factions[at];
        var current = FindSettlement(faction.CapitalId);
        if (current >= 0 && Settlements[current].FactionId == faction.Id)
        {
            if (!Settlements[current].IsCapital)
            {
                EditSettlements()[current] = Settlements[current] with { IsCapital = true };
            }

            return;
        }

        var best = Biggest(s => s.FactionId == faction.Id);
        EditFactions()[at] = faction with { CapitalId = best < 0 ? string.Empty : Settlements[best].Id };
        if (best >= 0)
        {
            EditSettlements()[best] = Settlements[best] with { IsCapital = true };
        }
    }

    /// <summary>The same for a region's seat: its most populous settlement, or none ("") when it has none left.</summary>
    private void EnsureSeat(string? regionId)
    {
        var at = FindRegion(regionId);
        if (at < 0)
        {
            return;
        }

        var region = Regions[at];
        var current = FindSettlement(region.SeatId);
        if (current >= 0 && Settlements[current].RegionId == region.Id)
        {
            return;
        }

        var best = Biggest(s => s.RegionId == region.Id);
        EditRegions()[at] = region with { SeatId = best < 0 ? string.Empty : Settlements[best].Id };
    }

    private int Biggest(Func<Settlement, bool> match)
    {
        var best = -1;
        for (var i = 0; i < Settlements.Count; i++)
        {
            if (match(Settlements[i]) && (best < 0 || Settlements[i].Population > Settlements[best].Population))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Replaces each whole-word occurrence of <paramref name="oldName"/> (not next to a letter or digit), so renaming
    /// "Ash" leaves "Ashford" alone.
    /// </summary>
    internal static string ReplaceName(string text, string oldName, string newName)
    {
        if (oldName.Length == 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder();
        var from = 0;
        for (var at = text.IndexOf(oldName, StringComparison.Ordinal); at >= 0; at = text.IndexOf(oldName, at + 1, StringComparison.Ordinal))
        {
            var end = at + oldName.Length;
            if (at < from
                || (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                continue;
            }

            result.Append(text, from, at - from).Append(newName);
            from = end;
        }

        return from == 0 ? text : result.Append(text, from, text.Length - from).ToString();
    }
}
