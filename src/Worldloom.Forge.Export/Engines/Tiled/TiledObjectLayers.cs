using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// The world's people and places as Tiled objects, one layer per kind, object ids numbered through all layers in
/// order. Points sit at their cell's tile centre; NPCs spawn at their home settlement.
/// </summary>
internal static class TiledObjectLayers
{
    public static IReadOnlyList<TiledObjectLayer> From(ExportSource source, int firstLayerId)
    {
        var world = source.World;
        var grid = source.Grid;
        var settlements = world.Settlements.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var nextId = 1;
        TiledObject Point(string name, string type, GridPoint cell, IReadOnlyList<TiledProperty> properties) =>
            new(nextId++, name, type, TiledMap.Centre(grid.ToTile(cell)), null, properties);
        TiledObject Line(string name, string type, IReadOnlyList<GridPoint> path, IReadOnlyList<TiledProperty> properties)
        {
            var points = TiledPolyline.Through(path, grid);
            var start = points[0];
            return new(nextId++, name, type, start, [.. points.Select(p => new TiledPoint(p.X - start.X, p.Y - start.Y))], properties);
        }

        var layers = new List<TiledObjectLayer>(5);
        void Add(string name, IEnumerable<TiledObject> objects) => layers.Add(new TiledObjectLayer(firstLayerId + layers.Count, name, [.. objects]));

        Add("settlements", world.Settlements.Select(s => Point(s.Name, "settlement", s.Location,
        [
            TiledProperty.Text("id", s.Id),
            TiledProperty.Text("name", s.Name),
            TiledProperty.Text("size", WorldDocument.SettlementSizeName(s.Size)),
            TiledProperty.Integer("population", s.Population),
            TiledProperty.Text("culture", s.Culture),
            TiledProperty.Text("faction", s.FactionId),
            TiledProperty.Flag("capital", s.IsCapital),
        ])));
        Add("npc_spawns", world.Npcs.Select(n => Point(n.Name, "npc_spawn", settlements[n.SettlementId].Location,
        [
            TiledProperty.Text("id", n.Id),
            TiledProperty.Text("name", n.Name),
            TiledProperty.Text("role", n.Role),
            TiledProperty.Text("settlement", n.SettlementId),
            TiledProperty.Text("faction", n.FactionId),
        ])));
        Add("pois", world.PointsOfInterest.Select(p => Point(p.Name, "poi", p.Location,
        [
            TiledProperty.Text("id", p.Id),
            TiledProperty.Text("name", p.Name),
            TiledProperty.Text("kind", p.Kind),
            TiledProperty.Text("hook", p.Hook.Text),
        ])));
        Add("roads", world.Roads.Select(r => Line($"{settlements[r.From].Name} – {settlements[r.To].Name}", "road", r.Path,
        [
            TiledProperty.Text("id", r.Id),
            TiledProperty.Text("from", r.From),
            TiledProperty.Text("to", r.To),
        ])));
        Add("rivers", source.Hydrology.Rivers.Select(r => Line(r.Name, "river", r.Path,
        [
            TiledProperty.Text("id", r.Id),
            TiledProperty.Text("name", r.Name),
        ])));
        return layers;
    }
}
