using System.Globalization;
using System.Text;
using Worldloom.Forge.Core.Documents;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>A room instance: its name, object, position in room pixels (tile centre) and the GML that fills its variables.</summary>
/// <param name="Name">The instance's name, also a GML constant naming it in the room.</param>
/// <param name="Object">Its object.</param>
/// <param name="X">Room x in pixels.</param>
/// <param name="Y">Room y in pixels (down, as in the world).</param>
/// <param name="Variables">GML assignments, <c>settlement_id = "settlement-1"; ...</c>.</param>
internal sealed record GameMakerInstance(string Name, string Object, int X, int Y, string Variables)
{
    /// <summary>Every settlement, then every point of interest, numbered in that order.</summary>
    public static IReadOnlyList<GameMakerInstance> From(ExportSource source)
    {
        var grid = source.Grid;
        var instances = new List<GameMakerInstance>(source.World.Settlements.Count + source.World.PointsOfInterest.Count);
        GameMakerInstance At(string obj, Core.World.GridPoint cell, string variables)
        {
            var tile = grid.ToTile(cell);
            var size = BiomeTileset.TileSize;
            return new(GameMakerIds.Instance(instances.Count), obj, (tile.X * size) + (size / 2), (tile.Y * size) + (size / 2), variables);
        }

        foreach (var s in source.World.Settlements)
        {
            var gml = new StringBuilder();
            Text(gml, "settlement_id", s.Id);
            Text(gml, "settlement_name", s.Name);
            Text(gml, "size", WorldDocument.SettlementSizeName(s.Size));
            gml.Append(CultureInfo.InvariantCulture, $"population = {s.Population}; ");
            Text(gml, "culture", s.Culture);
            Text(gml, "faction", s.FactionId ?? "");
            gml.Append(s.IsCapital ? "capital = true;" : "capital = false;");
            instances.Add(At(GameMakerAssets.SettlementObject, s.Location, gml.ToString()));
        }

        foreach (var p in source.World.PointsOfInterest)
        {
            var gml = new StringBuilder();
            Text(gml, "poi_id", p.Id);
            Text(gml, "poi_name", p.Name);
            Text(gml, "kind", p.Kind);
            Text(gml, "hook", p.Hook.Text);
            instances.Add(At(GameMakerAssets.PoiObject, p.Location, gml.ToString().TrimEnd()));
        }

        return instances;
    }

    // name = "value"; as GML (2.3+) string literal escapes.
    private static void Text(StringBuilder gml, string name, string value)
    {
        gml.Append(name).Append(" = \"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    gml.Append('\\').Append(c);
                    break;
                case '\n':
                    gml.Append("\\n");
                    break;
                case '\r':
                    gml.Append("\\r");
                    break;
                case '\t':
                    gml.Append("\\t");
                    break;
                case < ' ':
                    gml.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    gml.Append(c);
                    break;
            }
        }

        gml.Append("\"; ");
    }
}
