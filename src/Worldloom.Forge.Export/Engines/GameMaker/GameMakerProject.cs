using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary><c>Worldloom.yyp</c>: the project file listing every asset, with the room first in the room order.</summary>
internal static class GameMakerProject
{
    /// <summary>The IDE release whose formats the files follow.</summary>
    public const string IdeVersion = "2024.14.4.222";

    public static void Write(Utf8JsonWriter json, IReadOnlyList<(string Folder, string Name)> resources)
    {
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMProject", "v1", GameMakerAssets.Project);
        json.WriteStartArray("AudioGroups");
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMAudioGroup", "v1", "audiogroup_default");
        json.WriteString("exportDir", "");
        json.WriteString("name", "audiogroup_default");
        GameMakerAssets.Resource(json, "GMAudioGroup");
        json.WriteNumber("targets", -1);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("configs");
        json.WriteStartArray("children");
        json.WriteEndArray();
        json.WriteString("name", "Default");
        json.WriteEndObject();
        json.WriteNumber("defaultScriptType", 1);
        json.WriteStartArray("Folders");
        json.WriteEndArray();
        json.WriteStartArray("ForcedPrefabProjectReferences");
        json.WriteEndArray();
        json.WriteStartArray("IncludedFiles");
        json.WriteEndArray();
        json.WriteBoolean("isEcma", false);
        json.WriteStartArray("LibraryEmitters");
        json.WriteEndArray();
        json.WriteStartObject("MetaData");
        json.WriteString("IDEVersion", IdeVersion);
        json.WriteEndObject();
        json.WriteString("name", GameMakerAssets.Project);
        json.WriteStartArray("resources");
        foreach (var (folder, name) in resources)
        {
            json.WriteStartObject();
            GameMakerAssets.Reference(json, "id", folder, name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        GameMakerAssets.Resource(json, "GMProject");
        json.WriteStartArray("RoomOrderNodes");
        json.WriteStartObject();
        GameMakerAssets.Reference(json, "roomId", GameMakerRoom.Folder, GameMakerAssets.Room);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("templateType", "game");
        json.WriteStartArray("TextureGroups");
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMTextureGroup", "", "Default");
        json.WriteBoolean("autocrop", true);
        json.WriteNumber("border", 2);
        json.WriteString("compressFormat", "bz2");
        json.WriteString("customOptions", "");
        json.WriteString("directory", "");
        json.WriteNull("groupParent");
        json.WriteBoolean("isScaled", true);
        json.WriteString("loadType", "default");
        json.WriteNumber("mipsToGenerate", 0);
        json.WriteString("name", "Default");
        GameMakerAssets.Resource(json, "GMTextureGroup");
        json.WriteNumber("targets", -1);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
