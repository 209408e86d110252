using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// The project's assets by name and path, and the record tags of GameMaker 2024.14, whose .yy format these files
/// follow: every record starts with its tag (<c>"$GMRoom":"v1"</c>) and <c>%Name</c>, the IDE refuses a tag version it
/// does not know, and the other keys follow in the order the IDE writes them.
/// </summary>
internal static class GameMakerAssets
{
    public const string Project = "Worldloom";

    public const string Room = "rm_world";

    public const string Tileset = "ts_biomes";

    public const string TilesetSprite = "spr_biomes";

    public const string SettlementSprite = "spr_settlement";

    public const string PoiSprite = "spr_poi";

    public const string SettlementObject = "obj_settlement";

    public const string PoiObject = "obj_poi";

    public const string ResourceVersion = "2.0";

    /// <summary>The project file, which every asset names as its parent.</summary>
    public static string ProjectFile => Project + ".yyp";

    /// <summary>An asset's .yy path: <c>rooms/rm_world/rm_world.yy</c>.</summary>
    public static string Path(string folder, string name) => $"{folder}/{name}/{name}.yy";

    /// <summary>Writes <c>"property":{"name":..,"path":..}</c>, how .yy files point at each other.</summary>
    public static void Reference(Utf8JsonWriter json, string property, string folder, string name)
    {
        json.WriteStartObject(property);
        json.WriteString("name", name);
        json.WriteString("path", Path(folder, name));
        json.WriteEndObject();
    }

    /// <summary>Writes the <c>parent</c> every asset has: the project itself (no folders).</summary>
    public static void Parent(Utf8JsonWriter json)
    {
        json.WriteStartObject("parent");
        json.WriteString("name", Project);
        json.WriteString("path", ProjectFile);
        json.WriteEndObject();
    }

    /// <summary>Writes the tag, <c>%Name</c> and the name a record starts with.</summary>
    public static void Tag(Utf8JsonWriter json, string type, string version, string name)
    {
        json.WriteString("$" + type, version);
        json.WriteString("%Name", name);
    }

    /// <summary>Writes the closing <c>resourceType</c> and <c>resourceVersion</c>.</summary>
    public static void Resource(Utf8JsonWriter json, string type)
    {
        json.WriteString("resourceType", type);
        json.WriteString("resourceVersion", ResourceVersion);
    }
}
