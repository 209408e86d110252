using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>The map as Tiled's JSON format (<c>world.tmj</c>), the same content as the .tmx.</summary>
internal static class TmjWriter
{
    public static void Write(Utf8JsonWriter json, TiledMap map)
    {
        json.WriteStartObject();
        json.WriteString("type", "map");
        json.WriteString("version", TiledMap.FormatVersion);
        json.WriteString("tiledversion", TiledMap.TiledVersion);
        json.WriteString("orientation", "orthogonal");
        json.WriteString("renderorder", "right-down");
        json.WriteNumber("width", map.Columns);
        json.WriteNumber("height", map.Rows);
        json.WriteNumber("tilewidth", TiledMap.TileSize);
        json.WriteNumber("tileheight", TiledMap.TileSize);
        json.WriteBoolean("infinite", false);
        json.WriteNumber("compressionlevel", -1);
        json.WriteNumber("nextlayerid", map.NextLayerId);
        json.WriteNumber("nextobjectid", map.NextObjectId);
        Properties(json, map.Properties);

        json.WriteStartArray("tilesets");
        json.WriteStartObject();
        json.WriteNumber("firstgid", TiledTerrain.FirstGid);
        json.WriteString("source", TiledMap.TilesetFile);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("layers");
        json.WriteStartObject();
        json.WriteNumber("id", TiledMap.TerrainLayerId);
        json.WriteString("name", "terrain");
        json.WriteString("type", "tilelayer");
        json.WriteNumber("x", 0);
        json.WriteNumber("y", 0);
        json.WriteNumber("width", map.Columns);
        json.WriteNumber("height", map.Rows);
        json.WriteNumber("opacity", 1);
        json.WriteBoolean("visible", true);
        json.WriteString("encoding", "base64");
        json.WriteString("compression", "zlib");
        json.WriteString("data", map.Terrain);
        json.WriteEndObject();
        foreach (var layer in map.ObjectLayers)
        {
            json.WriteStartObject();
            json.WriteNumber("id", layer.Id);
            json.WriteString("name", layer.Name);
            json.WriteString("type", "objectgroup");
            json.WriteString("draworder", "topdown");
            json.WriteNumber("x", 0);
            json.WriteNumber("y", 0);
            json.WriteNumber("opacity", 1);
            json.WriteBoolean("visible", true);
            json.WriteStartArray("objects");
            foreach (var item in layer.Objects)
            {
                Object(json, item);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Object(Utf8JsonWriter json, TiledObject item)
    {
        json.WriteStartObject();
        json.WriteNumber("id", item.Id);
        json.WriteString("name", item.Name);
        json.WriteString("type", item.Type);
        json.WriteNumber("x", item.Position.X);
        json.WriteNumber("y", item.Position.Y);
        json.WriteNumber("width", 0);
        json.WriteNumber("height", 0);
        json.WriteNumber("rotation", 0);
        json.WriteBoolean("visible", true);
        if (item.Polyline is { } polyline)
        {
            json.WriteStartArray("polyline");
            foreach (var point in polyline)
            {
                json.WriteStartObject();
                json.WriteNumber("x", point.X);
                json.WriteNumber("y", point.Y);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteBoolean("point", true);
        }

        Properties(json, item.Properties);
        json.WriteEndObject();
    }

    private static void Properties(Utf8JsonWriter json, IReadOnlyList<TiledProperty> properties)
    {
        json.WriteStartArray("properties");
        foreach (var property in properties)
        {
            json.WriteStartObject();
            json.WriteString("name", property.Name);
            json.WriteString("type", property.Type);
            if (property.Type == "string")
            {
                json.WriteString("value", property.Value);
            }
            else
            {
                json.WritePropertyName("value");
                json.WriteRawValue(property.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
