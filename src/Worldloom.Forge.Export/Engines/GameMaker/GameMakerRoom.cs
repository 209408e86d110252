using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// <c>rooms/rm_world/rm_world.yy</c>: the grid as a room of 16-pixel tiles, with an instance layer (settlements and
/// points of interest, depth 0) over a tile layer of the biomes (depth 100).
/// </summary>
internal static class GameMakerRoom
{
    public const string Folder = "rooms";

    public const string InstanceLayer = "Places";

    public const string TileLayer = "Biomes";

    public static void Write(Utf8JsonWriter json, ExportGrid grid, IReadOnlyList<GameMakerInstance> instances)
    {
        var size = BiomeTileset.TileSize;
        var roomPath = GameMakerAssets.Path(Folder, GameMakerAssets.Room);
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMRoom", "v1", GameMakerAssets.Room);
        json.WriteString("creationCodeFile", $"{Folder}/{GameMakerAssets.Room}/{GameMakerCreationCode.File}");
        json.WriteBoolean("inheritCode", false);
        json.WriteBoolean("inheritCreationOrder", false);
        json.WriteBoolean("inheritLayers", false);
        json.WriteStartArray("instanceCreationOrder");
        foreach (var instance in instances)
        {
            json.WriteStartObject();
            json.WriteString("name", instance.Name);
            json.WriteString("path", roomPath);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("isDnd", false);
        json.WriteStartArray("layers");
        Instances(json, instances);
        Tiles(json, grid);
        json.WriteEndArray();
        json.WriteString("name", GameMakerAssets.Room);
        GameMakerAssets.Parent(json);
        json.WriteNull("parentRoom");
        json.WriteStartObject("physicsSettings");
        json.WriteBoolean("inheritPhysicsSettings", false);
        json.WriteBoolean("PhysicsWorld", false);
        GameMakerJson.Real(json, "PhysicsWorldGravityX", 0);
        GameMakerJson.Real(json, "PhysicsWorldGravityY", 10);
        GameMakerJson.Real(json, "PhysicsWorldPixToMetres", "0.1");
        json.WriteEndObject();
        GameMakerAssets.Resource(json, "GMRoom");
        json.WriteStartObject("roomSettings");
        json.WriteNumber("Height", grid.Rows * size);
        json.WriteBoolean("inheritRoomSettings", false);
        json.WriteBoolean("persistent", false);
        json.WriteNumber("Width", grid.Columns * size);
        json.WriteEndObject();
        json.WriteNull("sequenceId");
        json.WriteStartArray("views");
        for (var view = 0; view < 8; view++)
        {
            View(json);
        }

        json.WriteEndArray();
        json.WriteStartObject("viewSettings");
        json.WriteBoolean("clearDisplayBuffer", true);
        json.WriteBoolean("clearViewBackground", false);
        json.WriteBoolean("enableViews", false);
        json.WriteBoolean("inheritViewSettings", false);
        json.WriteEndObject();
        GameMakerJson.Real(json, "volume", 1);
        json.WriteEndObject();
    }

    private static void Instances(Utf8JsonWriter json, IReadOnlyList<GameMakerInstance> instances)
    {
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMRInstanceLayer", "", InstanceLayer);
        json.WriteNumber("depth", 0);
        LayerSettings(json);
        json.WriteStartArray("instances");
        foreach (var instance in instances)
        {
            json.WriteStartObject();
            GameMakerAssets.Tag(json, "GMRInstance", "v4", instance.Name);
            json.WriteNumber("colour", 4294967295);
            json.WriteBoolean("frozen", false);
            json.WriteBoolean("hasCreationCode", false);
            json.WriteBoolean("ignore", false);
            json.WriteNumber("imageIndex", 0);
            GameMakerJson.Real(json, "imageSpeed", 1);
            json.WriteBoolean("inheritCode", false);
            json.WriteNull("inheritedItemId");
            json.WriteBoolean("inheritItemSettings", false);
            json.WriteBoolean("isDnd", false);
            json.WriteString("name", instance.Name);
            GameMakerAssets.Reference(json, "objectId", GameMakerObject.Folder, instance.Object);
            json.WriteStartArray("properties");
            json.WriteEndArray();
            GameMakerAssets.Resource(json, "GMRInstance");
            GameMakerJson.Real(json, "rotation", 0);
            GameMakerJson.Real(json, "scaleX", 1);
            GameMakerJson.Real(json, "scaleY", 1);
            GameMakerJson.Real(json, "x", instance.X);
            GameMakerJson.Real(json, "y", instance.Y);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("layers");
        json.WriteEndArray();
        json.WriteString("name", InstanceLayer);
        json.WriteStartArray("properties");
        json.WriteEndArray();
        GameMakerAssets.Resource(json, "GMRInstanceLayer");
        json.WriteBoolean("userdefinedDepth", false);
        json.WriteBoolean("visible", true);
        json.WriteEndObject();
    }

    private static void Tiles(Utf8JsonWriter json, ExportGrid grid)
    {
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMRTileLayer", "", TileLayer);
        json.WriteNumber("depth", 100);
        LayerSettings(json);
        json.WriteStartArray("layers");
        json.WriteEndArray();
        json.WriteString("name", TileLayer);
        json.WriteStartArray("properties");
        json.WriteEndArray();
        GameMakerAssets.Resource(json, "GMRTileLayer");
        json.WriteStartObject("tiles");
        json.WriteNumber("SerialiseHeight", grid.Rows);
        json.WriteNumber("SerialiseWidth", grid.Columns);
        json.WritePropertyName("TileCompressedData");
        json.WriteRawValue(GameMakerTileData.CompressedArray(grid.Tiles), skipInputValidation: true);
        json.WriteNumber("TileDataFormat", 1);
        json.WriteEndObject();
        GameMakerAssets.Reference(json, "tilesetId", GameMakerTileset.Folder, GameMakerAssets.Tileset);
        json.WriteBoolean("userdefinedDepth", false);
        json.WriteBoolean("visible", true);
        json.WriteNumber("x", 0);
        json.WriteNumber("y", 0);
        json.WriteEndObject();
    }

    // The keys every layer has between depth and its own, in the IDE's order.
    private static void LayerSettings(Utf8JsonWriter json)
    {
        json.WriteBoolean("effectEnabled", true);
        json.WriteNull("effectType");
        json.WriteNumber("gridX", BiomeTileset.TileSize);
        json.WriteNumber("gridY", BiomeTileset.TileSize);
        json.WriteBoolean("hierarchyFrozen", false);
        json.WriteBoolean("inheritLayerDepth", false);
        json.WriteBoolean("inheritLayerSettings", false);
        json.WriteBoolean("inheritSubLayers", true);
        json.WriteBoolean("inheritVisibility", true);
    }

    private static void View(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("hborder", 32);
        json.WriteNumber("hport", 768);
        json.WriteNumber("hspeed", -1);
        json.WriteNumber("hview", 768);
        json.WriteBoolean("inherit", false);
        json.WriteNull("objectId");
        json.WriteNumber("vborder", 32);
        json.WriteBoolean("visible", false);
        json.WriteNumber("vspeed", -1);
        json.WriteNumber("wport", 1366);
        json.WriteNumber("wview", 1366);
        json.WriteNumber("xport", 0);
        json.WriteNumber("xview", 0);
        json.WriteNumber("yport", 0);
        json.WriteNumber("yview", 0);
        json.WriteEndObject();
    }
}
