using System.Globalization;
using System.Text;
using System.Xml;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>The map as Tiled's XML format (<c>world.tmx</c>), as Tiled 1.8 writes it.</summary>
internal static class TmxWriter
{
    public static void Write(XmlWriter xml, TiledMap map)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("map");
        xml.WriteAttributeString("version", TiledMap.FormatVersion);
        xml.WriteAttributeString("tiledversion", TiledMap.TiledVersion);
        xml.WriteAttributeString("orientation", "orthogonal");
        xml.WriteAttributeString("renderorder", "right-down");
        Attribute(xml, "width", map.Columns);
        Attribute(xml, "height", map.Rows);
        Attribute(xml, "tilewidth", TiledMap.TileSize);
        Attribute(xml, "tileheight", TiledMap.TileSize);
        xml.WriteAttributeString("infinite", "0");
        Attribute(xml, "nextlayerid", map.NextLayerId);
        Attribute(xml, "nextobjectid", map.NextObjectId);
        Properties(xml, map.Properties);

        xml.WriteStartElement("tileset");
        Attribute(xml, "firstgid", TiledTerrain.FirstGid);
        xml.WriteAttributeString("source", TiledMap.TilesetFile);
        xml.WriteEndElement();

        xml.WriteStartElement("layer");
        Attribute(xml, "id", TiledMap.TerrainLayerId);
        xml.WriteAttributeString("name", "terrain");
        Attribute(xml, "width", map.Columns);
        Attribute(xml, "height", map.Rows);
        xml.WriteStartElement("data");
        xml.WriteAttributeString("encoding", "base64");
        xml.WriteAttributeString("compression", "zlib");
        xml.WriteString(map.Terrain);
        xml.WriteEndElement();
        xml.WriteEndElement();

        foreach (var layer in map.ObjectLayers)
        {
            xml.WriteStartElement("objectgroup");
            Attribute(xml, "id", layer.Id);
            xml.WriteAttributeString("name", layer.Name);
            foreach (var item in layer.Objects)
            {
                Object(xml, item);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Object(XmlWriter xml, TiledObject item)
    {
        xml.WriteStartElement("object");
        Attribute(xml, "id", item.Id);
        xml.WriteAttributeString("name", item.Name);
        xml.WriteAttributeString("type", item.Type);
        Attribute(xml, "x", item.Position.X);
        Attribute(xml, "y", item.Position.Y);
        Properties(xml, item.Properties);
        if (item.Polyline is { } polyline)
        {
            var points = new StringBuilder(polyline.Count * 8);
            foreach (var point in polyline)
            {
                points.Append(points.Length == 0 ? "" : " ").Append(CultureInfo.InvariantCulture, $"{point.X},{point.Y}");
            }

            xml.WriteStartElement("polyline");
            xml.WriteAttributeString("points", points.ToString());
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteStartElement("point");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Properties(XmlWriter xml, IReadOnlyList<TiledProperty> properties)
    {
        xml.WriteStartElement("properties");
        foreach (var property in properties)
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", property.Name);
            if (property.Type != "string")
            {
                xml.WriteAttributeString("type", property.Type);
            }

            xml.WriteAttributeString("value", property.Value);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, int value) =>
        xml.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));
}
