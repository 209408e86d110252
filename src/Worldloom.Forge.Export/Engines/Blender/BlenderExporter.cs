namespace Worldloom.Forge.Export.Engines.Blender;

/// <summary>
/// A Blender kit: <c>build_world.py</c>, which run with <c>blender -b --python</c> builds a displaced terrain mesh with a
/// material per biome and an empty per settlement and point of interest, plus the files it reads.
/// </summary>
public sealed class BlenderExporter : IEngineExporter
{
    private static readonly Lazy<string> Script = new(() => EmbeddedText.Read("Blender/build_world.py"));

    /// <inheritdoc />
    public string Engine => ExportEngines.Blender;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var grid = new BlenderGrid(source);
        files.AddText("build_world.py", Script.Value);
        files.AddJson("blender.json", json => BlenderScene.Write(json, grid));
        files.Add(BlenderScene.HeightmapPath, grid.HeightsRaw());
        files.Add(BlenderScene.FacesPath, grid.FaceBiomes());
        files.Add("heightmap.png", source.HeightPng(source.Heightmap.Width, source.Heightmap.Height));
        files.AddText("README.txt", BlenderReadme.Write(grid));
    }
}
