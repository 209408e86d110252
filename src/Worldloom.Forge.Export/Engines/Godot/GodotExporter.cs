namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>
/// A Godot 4.3+ project folder: <c>project.godot</c>, <c>world.tscn</c> (a TileMapLayer of biome tiles, the heightmap,
/// a Marker2D with metadata per settlement and point of interest), the <c>biomes.tres</c> TileSet and its images.
/// </summary>
public sealed class GodotExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.Godot;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        files.AddText("project.godot", GodotProject.Write(source, GodotScene.Path));
        files.AddText(GodotScene.Path, GodotScene.Write(source));
        files.AddText(GodotTileSet.Path, GodotTileSet.Write(source.Tileset));
        files.Add(GodotTileSet.ImagePath, source.Tileset.Png);
        files.Add(GodotScene.HeightmapPath, source.HeightPng(source.Heightmap.Width, source.Heightmap.Height));
        files.AddText("README.txt", GodotReadme.Write(source));
    }
}
