using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary><c>tilesets/ts_biomes/ts_biomes.yy</c>: the biome sprite cut into 16-pixel tiles, tile 0 GameMaker's empty tile.</summary>
internal static class GameMakerTileset
{
    public const string Folder = "tilesets";

    public static void Write(Utf8JsonWriter json, int tileCount)
    {
        json.WriteStartObject();
        GameMakerAssets.Tag(json, "GMTileSet", "v1", GameMakerAssets.Tileset);
        json.WriteStartArray("autoTileSets");
        json.WriteEndArray();
        json.WriteStartObject("macroPageTiles");
        json.WriteNumber("SerialiseHeight", 0);
        json.WriteNumber("SerialiseWidth", 0);
        json.WriteStartArray("TileCompressedData");
        json.WriteEndArray();
        json.WriteNumber("TileDataFormat", 1);
        json.WriteEndObject();
        json.WriteString("name", GameMakerAssets.Tileset);
        json.WriteNumber("out_columns", tileCount);
        json.WriteNumber("out_tilehborder", 2);
        json.WriteNumber("out_tilevborder", 2);
        GameMakerAssets.Parent(json);
        GameMakerAssets.Resource(json, "GMTileSet");
        GameMakerAssets.Reference(json, "spriteId", GameMakerSprite.Folder, GameMakerAssets.TilesetSprite);
        json.WriteBoolean("spriteNoExport", true);
        json.WriteStartObject("textureGroupId");
        json.WriteString("name", "Default");
        json.WriteString("path", "texturegroups/Default");
        json.WriteEndObject();
        json.WriteNumber("tile_count", tileCount);
        json.WriteStartObject("tileAnimation");
        json.WriteStartArray("FrameData");
        for (var tile = 0; tile < tileCount; tile++)
        {
            json.WriteNumberValue(tile);
        }

        json.WriteEndArray();
        json.WriteNumber("SerialiseFrameCount", 1);
        json.WriteEndObject();
        json.WriteStartArray("tileAnimationFrames");
        json.WriteEndArray();
        GameMakerJson.Real(json, "tileAnimationSpeed", 15);
        json.WriteNumber("tileHeight", BiomeTileset.TileSize);
        json.WriteNumber("tilehsep", 0);
        json.WriteNumber("tilevsep", 0);
        json.WriteNumber("tileWidth", BiomeTileset.TileSize);
        json.WriteNumber("tilexoff", 0);
        json.WriteNumber("tileyoff", 0);
        json.WriteEndObject();
    }
}
