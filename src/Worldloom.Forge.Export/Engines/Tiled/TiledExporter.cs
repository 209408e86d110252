namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// Tiled maps in both of Tiled's formats, <c>world.tmx</c> (XML) and <c>world.tmj</c> (JSON), sharing the external
/// tileset <c>biomes.tsx</c> and its image. Checked by tmxrasterizer, which renders both.
/// </summary>
public sealed class TiledExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.Tiled;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var map = TiledMap.From(source);
        files.AddXml("world.tmx", xml => TmxWriter.Write(xml, map));
        files.AddJson("world.tmj", json => TmjWriter.Write(json, map));
        files.AddXml(TiledMap.TilesetFile, xml => TsxWriter.Write(xml, source.Tileset));
        files.Add(TiledMap.TilesetImage, source.Tileset.Png);
        files.AddText("README.txt", TiledReadme.Text(source, map));
    }
}
