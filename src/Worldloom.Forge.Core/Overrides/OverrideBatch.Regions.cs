using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

// Region-wide edits and single-cell painting.
public sealed partial class OverrideBatch
{
    private void PaintRegion(SetRegionBiome paint, string field, List<ParameterError> errors)
    {
        var index = FindRegion(paint.RegionId);
        if (index < 0)
        {
            errors.Add(UnknownRegion(field, paint.RegionId));
        }

        if (BiomeProblem(paint.Biome) is { } problem)
        {
            errors.Add(new ParameterError($"{field}.biome", problem));
        }
        else if (BiomeNames.IsWater(paint.Biome))
        {
            errors.Add(new ParameterError($"{field}.biome", $"A region takes a land biome; '{BiomeNames.ToName(paint.Biome)}' is water."));
        }
        else if (_world.Biomes is null || _world.Heightmap is null || _world.RegionMap is null)
        {
            errors.Add(new ParameterError($"{field}.biome", "The world has no biome or region layer yet."));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var cells = EditBiomes();
        var regionCells = _world.RegionMap!.Cells;
        var elevation = _world.Heightmap!.Cells;
        var seaLevel = _world.Heightmap.SeaLevel;
        var lakes = _world.Hydrology is { } hydrology ? hydrology.LakeCells : default;
        var value = (byte)paint.Biome;
        for (var i = 0; i < cells.Length; i++)
        {
            if (regionCells[i] == index + 1 && elevation[i] > seaLevel && (lakes.IsEmpty || lakes[i] == 0))
            {
                cells[i] = value;
            }
        }

        EditRegions()[index] = Regions[index] with { Biome = paint.Biome };
        RefreshSettlementBiomes(p => _world.RegionMap[p.X, p.Y] == index + 1);
    }

    private void HandOver(SetRegionFaction handOver, string field, List<ParameterError> errors)
    {
        var index = FindRegion(handOver.RegionId);
        if (index < 0)
        {
            errors.Add(UnknownRegion(field, handOver.RegionId));
        }

        if (FindFaction(handOver.FactionId) < 0)
        {
            errors.Add(new ParameterError($"{field}.factionId", $"Unknown faction '{handOver.FactionId}'."));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var region = Regions[index];
        if (region.FactionId != handOver.FactionId)
        {
            EditRegions()[index] = region with { FactionId = handOver.FactionId };
        }

        // Settlements follow their region. Collect the factions that lose one first, then fix their capitals once
        // every settlement has moved, so a capital is never picked from settlements that are about to leave.
        var losers = new List<string>();
        for (var i = 0; i < Settlements.Count; i++)
        {
            var settlement = Settlements[i];
            if (settlement.RegionId != region.Id || settlement.FactionId == handOver.FactionId)
            {
                continue;
            }

            if (settlement.FactionId is { } old && !losers.Contains(old))
            {
                losers.Add(old);
            }

            EditSettlements()[i] = settlement with { FactionId = handOver.FactionId, IsCapital = false };
            SetNpcFactions(settlement.Id, handOver.FactionId);
        }

        foreach (var loser in losers)
        {
            EnsureCapital(loser);
        }

        EnsureCapital(handOver.FactionId);
    }

    private void PaintCell(SetCellBiome paint, string field, List<ParameterError> errors)
    {
        if (!InBounds(paint.Cell))
        {
            errors.Add(new ParameterError($"{field}.cell", $"Must be a cell inside the world (x 0–{_world.Width - 1}, y 0–{_world.Height - 1}); got ({paint.Cell.X}, {paint.Cell.Y})."));
        }

        if (BiomeProblem(paint.Biome) is { } problem)
        {
            errors.Add(new ParameterError($"{field}.biome", problem));
        }
        else if (_world.Biomes is null || _world.Heightmap is null)
        {
            errors.Add(new ParameterError($"{field}.biome", "The world has no biome layer yet."));
        }
        else if (errors.Count == 0 && _world.Heightmap.IsLand(paint.Cell.X, paint.Cell.Y) == BiomeNames.IsWater(paint.Biome))
        {
            errors.Add(new ParameterError($"{field}.biome", BiomeNames.IsWater(paint.Biome)
                ? $"The cell ({paint.Cell.X}, {paint.Cell.Y}) is land; '{BiomeNames.ToName(paint.Biome)}' is a water biome."
                : $"The cell ({paint.Cell.X}, {paint.Cell.Y}) is sea; it takes a water biome ({WaterBiomeNames})."));
        }

        if (errors.Count > 0)
        {
            return;
        }

        EditBiomes()[(paint.Cell.Y * _world.Width) + paint.Cell.X] = (byte)paint.Biome;
        RefreshSettlementBiomes(p => p == paint.Cell);
    }

    private static string WaterBiomeNames =>
        string.Join(", ", BiomeNames.All.Where(name => BiomeNames.TryParse(name, out var biome) && BiomeNames.IsWater(biome)));

    private static ParameterError UnknownRegion(string field, string? id) => new($"{field}.regionId", $"Unknown region '{id}'.");

    /// <summary>Gives each settlement on a repainted cell its cell's new biome.</summary>
    private void RefreshSettlementBiomes(Func<GridPoint, bool> repainted)
    {
        for (var i = 0; i < Settlements.Count; i++)
        {
            var settlement = Settlements[i];
            if (repainted(settlement.Location) && BiomeAt(settlement.Location) is { } biome && biome != settlement.Biome)
            {
                EditSettlements()[i] = settlement with { Biome = biome };
            }
        }
    }
}
