namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// A GameMaker 2024 project: the room <c>rm_world</c> with a biome tile layer and an instance per settlement and point
/// of interest, the tileset and sprites it draws with, the two objects its instances are, and the .yyp listing them.
/// </summary>
public sealed class GameMakerExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.GameMaker;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var instances = GameMakerInstance.From(source);
        var tileset = GameMakerImages.Tileset();
        var tileCount = tileset.Width / BiomeTileset.TileSize;
        (string Folder, string Name)[] resources =
        [
            (GameMakerObject.Folder, GameMakerAssets.PoiObject),
            (GameMakerObject.Folder, GameMakerAssets.SettlementObject),
            (GameMakerRoom.Folder, GameMakerAssets.Room),
            (GameMakerSprite.Folder, GameMakerAssets.TilesetSprite),
            (GameMakerSprite.Folder, GameMakerAssets.PoiSprite),
            (GameMakerSprite.Folder, GameMakerAssets.SettlementSprite),
            (GameMakerTileset.Folder, GameMakerAssets.Tileset),
        ];

        files.AddJson(GameMakerAssets.ProjectFile, json => GameMakerProject.Write(json, resources));
        files.AddJson(GameMakerAssets.Path(GameMakerRoom.Folder, GameMakerAssets.Room), json => GameMakerRoom.Write(json, source.Grid, instances));
        files.AddText($"{GameMakerRoom.Folder}/{GameMakerAssets.Room}/{GameMakerCreationCode.File}", GameMakerCreationCode.Text(source, instances));
        files.AddJson(GameMakerAssets.Path(GameMakerTileset.Folder, GameMakerAssets.Tileset), json => GameMakerTileset.Write(json, tileCount));
        GameMakerSprite.Add(files, GameMakerAssets.TilesetSprite, tileset, centred: false);
        GameMakerSprite.Add(files, GameMakerAssets.SettlementSprite, GameMakerImages.Settlement(), centred: true);
        GameMakerSprite.Add(files, GameMakerAssets.PoiSprite, GameMakerImages.Poi(), centred: true);
        files.AddJson(GameMakerAssets.Path(GameMakerObject.Folder, GameMakerAssets.SettlementObject), json => GameMakerObject.Write(json, GameMakerAssets.SettlementObject, GameMakerAssets.SettlementSprite));
        files.AddJson(GameMakerAssets.Path(GameMakerObject.Folder, GameMakerAssets.PoiObject), json => GameMakerObject.Write(json, GameMakerAssets.PoiObject, GameMakerAssets.PoiSprite));
        files.AddText("README.txt", GameMakerReadme.Text(source));
    }
}
