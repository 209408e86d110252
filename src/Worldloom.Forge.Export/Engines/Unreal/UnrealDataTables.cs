using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Unreal;

/// <summary>
/// The settlements, NPCs and points of interest as DataTables. Row names are ids (unique and FName-safe, where display
/// names repeat among NPCs); positions are in cm relative to the landscape actor.
/// </summary>
internal static class UnrealDataTables
{
    public static IReadOnlyList<UnrealDataTable> Build(UnrealLandscape landscape)
    {
        var world = landscape.Source.World;
        var factions = world.Factions.ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);

        var settlements = new UnrealDataTable("settlements",
            ["Name", "DisplayName", "Faction", "FactionName", "Population", "Size", "Capital", "Culture", "Region", "Biome", "Coastal", "CellX", "CellY", "X", "Y", "Z"]);
        foreach (var s in world.Settlements)
        {
            var (x, y, z) = landscape.Position(s.Location.X, s.Location.Y);
            settlements.Add(
                TableValue.Of(s.Id),
                TableValue.Of(s.Name),
                TableValue.Of(s.FactionId ?? ""),
                TableValue.Of(s.FactionId is { } f && factions.TryGetValue(f, out var name) ? name : ""),
                TableValue.Of(s.Population),
                TableValue.Of(WorldDocument.SettlementSizeName(s.Size)),
                TableValue.Of(s.IsCapital),
                TableValue.Of(s.Culture),
                TableValue.Of(s.RegionId ?? ""),
                TableValue.Of(BiomeNames.ToName(s.Biome)),
                TableValue.Of(s.Coastal),
                TableValue.Of(s.Location.X),
                TableValue.Of(s.Location.Y),
                TableValue.Of(x),
                TableValue.Of(y),
                TableValue.Decimal(z));
        }

        var npcs = new UnrealDataTable("npcs", ["Name", "DisplayName", "Role", "Age", "Culture", "Settlement", "Faction", "Traits"]);
        foreach (var npc in world.Npcs)
        {
            npcs.Add(
                TableValue.Of(npc.Id),
                TableValue.Of(npc.Name),
                TableValue.Of(npc.Role),
                TableValue.Of(npc.Age),
                TableValue.Of(npc.Culture),
                TableValue.Of(npc.SettlementId),
                TableValue.Of(npc.FactionId ?? ""),
                TableValue.Of(npc.Traits));
        }

        var pois = new UnrealDataTable("pois", ["Name", "DisplayName", "Kind", "Region", "Hook", "CellX", "CellY", "X", "Y", "Z"]);
        foreach (var poi in world.PointsOfInterest)
        {
            var (x, y, z) = landscape.Position(poi.Location.X, poi.Location.Y);
            pois.Add(
                TableValue.Of(poi.Id),
                TableValue.Of(poi.Name),
                TableValue.Of(poi.Kind),
                TableValue.Of(poi.RegionId ?? ""),
                TableValue.Of(poi.Hook.Text),
                TableValue.Of(poi.Location.X),
                TableValue.Of(poi.Location.Y),
                TableValue.Of(x),
                TableValue.Of(y),
                TableValue.Decimal(z));
        }

        return [settlements, npcs, pois];
    }
}
