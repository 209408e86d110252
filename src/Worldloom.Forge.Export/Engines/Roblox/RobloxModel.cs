using System.Xml;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>
/// <c>world.rbxmx</c>: a Model named after the world holding the two terrain modules, a folder of settlement Parts and
/// one of point-of-interest Parts (anchored, standing on the terrain's top at their nearest sample, data in value
/// children), and the world's seed and hash as values.
/// </summary>
internal static class RobloxModel
{
    public const string TerrainData = "TerrainData";

    public const string BuildTerrain = "BuildTerrain";

    public const string Settlements = "Settlements";

    public const string PointsOfInterest = "PointsOfInterest";

    private const int PoiColour = 0xD4A017;

    private const int NoFactionColour = 0x8A8A8A;

    /// <summary>The model's name: the start of the world's hash, which is the world's name.</summary>
    public static string Name(ExportSource source) => "Worldloom " + source.Hash[..12];

    /// <summary>A settlement Part's side in studs, larger for larger places.</summary>
    public static int PartSize(SettlementSize size) => size switch
    {
        SettlementSize.Hamlet => 4,
        SettlementSize.Village => 6,
        SettlementSize.Town => 8,
        _ => 12,
    };

    public static void Write(XmlWriter xml, ExportSource source, RobloxTerrain terrain)
    {
        var model = new RobloxXml(xml);
        xml.WriteStartDocument();
        xml.WriteStartElement("roblox");
        xml.WriteAttributeString("xmlns", "xmime", null, "http://www.w3.org/2005/05/xmlmime");
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance", "http://www.roblox.com/roblox.xsd");
        xml.WriteAttributeString("version", "4");
        xml.WriteElementString("External", "null");
        xml.WriteElementString("External", "nil");

        model.StartItem("Model", Name(source));
        model.EndProperties();
        model.StringValue("Seed", source.World.Seed.Text);
        model.StringValue("WorldHash", source.Hash);
        model.StringValue("Generator", WorldPipeline.GeneratorVersion);
        Module(model, TerrainData, RobloxTerrainData.Source(source, terrain));
        Module(model, BuildTerrain, RobloxTerrainBuilder.Source);

        var colours = source.World.Factions.ToDictionary(f => f.Id, f => f.Color, StringComparer.Ordinal);
        model.StartItem("Folder", Settlements);
        model.EndProperties();
        foreach (var s in source.World.Settlements)
        {
            var colour = s.FactionId is { } faction ? colours[faction] : NoFactionColour;
            var size = PartSize(s.Size);
            StartPart(model, s.Name, terrain, s.Location, size, size, colour);
            model.StringValue("Id", s.Id);
            model.StringValue("Size", WorldDocument.SettlementSizeName(s.Size));
            model.IntValue("Population", s.Population);
            model.StringValue("Culture", s.Culture);
            model.StringValue("Faction", s.FactionId ?? "");
            model.BoolValue("Capital", s.IsCapital);
            model.EndItem();
        }

        model.EndItem();

        model.StartItem("Folder", PointsOfInterest);
        model.EndProperties();
        foreach (var p in source.World.PointsOfInterest)
        {
            StartPart(model, p.Name, terrain, p.Location, 4, 8, PoiColour);
            model.StringValue("Id", p.Id);
            model.StringValue("Kind", p.Kind);
            model.StringValue("Hook", p.Hook.Text);
            model.EndItem();
        }

        model.EndItem();
        model.EndItem();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Module(RobloxXml model, string name, string source)
    {
        model.StartItem("ModuleScript", name);
        model.Source(source);
        model.EndProperties();
        model.EndItem();
    }

    // An anchored block standing on the terrain top of the cell's nearest sample; the caller adds children and ends it.
    private static void StartPart(RobloxXml model, string name, RobloxTerrain terrain, GridPoint cell, int side, int height, int colour)
    {
        var (column, row) = terrain.Nearest(cell);
        model.StartItem("Part", name);
        model.Bool("Anchored", true);
        model.Colour(colour);
        model.Position(
            RobloxStuds.Whole((long)column * RobloxTerrain.CellStuds),
            RobloxStuds.Hundredths(terrain.TopHundredths(column, row) + (height * 50L)),
            RobloxStuds.Whole((long)row * RobloxTerrain.CellStuds));
        model.Size(side, height, side);
        model.EndProperties();
    }
}
