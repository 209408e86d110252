using System.Globalization;
using System.Xml;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// The external tileset <c>biomes.tsx</c>: the shared biome image, one tile per biome (local id = biome number), each
/// tile with a <c>biome</c> property naming it so map scripts need no lookup table.
/// </summary>
internal static class TsxWriter
{
    public static void Write(XmlWriter xml, BiomeTileset tileset)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("tileset");
        xml.WriteAttributeString("version", TiledMap.FormatVersion);
        xml.WriteAttributeString("tiledversion", TiledMap.TiledVersion);
        xml.WriteAttributeString("name", "biomes");
        Attribute(xml, "tilewidth", BiomeTileset.TileSize);
        Attribute(xml, "tileheight", BiomeTileset.TileSize);
        Attribute(xml, "tilecount", tileset.Count);
        Attribute(xml, "columns", tileset.Columns);

        xml.WriteStartElement("image");
        xml.WriteAttributeString("source", TiledMap.TilesetImage);
        Attribute(xml, "width", tileset.ImageWidth);
        Attribute(xml, "height", BiomeTileset.ImageHeight);
        xml.WriteEndElement();

        for (var id = 0; id < tileset.Count; id++)
        {
            xml.WriteStartElement("tile");
            Attribute(xml, "id", id);
            xml.WriteStartElement("properties");
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", "biome");
            xml.WriteAttributeString("value", BiomeNames.ToName((Biome)id));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Attribute(XmlWriter xml, string name, int value) =>
        xml.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));
}
