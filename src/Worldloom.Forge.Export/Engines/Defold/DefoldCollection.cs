using System.Globalization;
using System.Text;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// <c>world.collection</c>: a game object holding the tilemap at the origin, and one game object per settlement, its
/// id the settlement's id, at its tile's centre with the settlement script's properties set. Game objects are embedded
/// (the collection carries their prototype text) so no .go file per settlement is needed.
/// </summary>
internal static class DefoldCollection
{
    public const string TerrainObject = "terrain";

    // Settlements draw above the tilemap (z 0); Defold's default render shows z from -1 to 1.
    private const string SettlementZ = "0.1";

    public static string Text(ExportSource source)
    {
        var grid = source.Grid;
        var text = new StringBuilder();
        text.Append("name: \"world\"\n");
        text.Append("scale_along_z: 0\n");

        var terrain = new StringBuilder();
        terrain.Append("components {\n");
        terrain.Append("  id: \"tilemap\"\n");
        terrain.Append("  component: ").Append(DefoldText.Quote(DefoldLayout.Resource(DefoldLayout.Tilemap))).Append('\n');
        terrain.Append("}\n");
        Instance(text, TerrainObject, terrain.ToString(), "0.0", "0.0", "0.0");

        foreach (var settlement in source.World.Settlements)
        {
            var tile = grid.ToTile(settlement.Location);
            var (x, y) = DefoldLayout.Centre(tile.X, tile.Y, grid.Rows);
            Instance(text, settlement.Id, Prototype(settlement), DefoldText.Float(x), DefoldText.Float(y), SettlementZ);
        }

        return text.ToString();
    }

    private static string Prototype(Settlement settlement)
    {
        var prototype = new StringBuilder();
        prototype.Append("components {\n");
        prototype.Append("  id: \"settlement\"\n");
        prototype.Append("  component: ").Append(DefoldText.Quote(DefoldLayout.Resource(DefoldLayout.Script))).Append('\n');
        Property(prototype, "settlement_id", settlement.Id, "PROPERTY_TYPE_HASH");
        Property(prototype, "faction", settlement.FactionId ?? "", "PROPERTY_TYPE_HASH");
        Property(prototype, "population", settlement.Population.ToString(CultureInfo.InvariantCulture), "PROPERTY_TYPE_NUMBER");
        Property(prototype, "capital", settlement.IsCapital ? "true" : "false", "PROPERTY_TYPE_BOOLEAN");
        prototype.Append("}\n");
        return prototype.ToString();
    }

    private static void Property(StringBuilder prototype, string id, string value, string type)
    {
        prototype.Append("  properties {\n");
        prototype.Append("    id: ").Append(DefoldText.Quote(id)).Append('\n');
        prototype.Append("    value: ").Append(DefoldText.Quote(value)).Append('\n');
        prototype.Append("    type: ").Append(type).Append('\n');
        prototype.Append("  }\n");
    }

    // The prototype goes in as one string literal per line, as Defold writes embedded data.
    private static void Instance(StringBuilder text, string id, string prototype, string x, string y, string z)
    {
        text.Append("embedded_instances {\n");
        text.Append("  id: ").Append(DefoldText.Quote(id)).Append('\n');
        text.Append("  data: ");
        var lines = prototype.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            text.Append(i == 0 ? "" : "  ").Append(DefoldText.Quote(lines[i] + "\n")).Append('\n');
        }

        text.Append("  position {\n");
        text.Append("    x: ").Append(x).Append('\n');
        text.Append("    y: ").Append(y).Append('\n');
        text.Append("    z: ").Append(z).Append('\n');
        text.Append("  }\n");
        text.Append("  rotation {\n    x: 0.0\n    y: 0.0\n    z: 0.0\n    w: 1.0\n  }\n");
        text.Append("  scale3 {\n    x: 1.0\n    y: 1.0\n    z: 1.0\n  }\n");
        text.Append("}\n");
    }
}
