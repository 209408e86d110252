using Worldloom.Forge.Core.Rendering;

namespace Worldloom.Forge.Export.Engines.Json;

/// <summary>
/// The canonical world document unchanged (its SHA-256 is the world's hash), the layer pictures a tool or a web page
/// can show without parsing it, and a legend for those pictures' colours.
/// </summary>
public sealed class JsonExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.Json;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        files.Add("world.json", source.Document.ToArray());
        files.Add("height.png", source.HeightPng(source.Heightmap.Width, source.Heightmap.Height));
        files.Add("biomes.png", source.LayerPng(MapLayer.Biomes));
        files.Add("rivers.png", source.LayerPng(MapLayer.Rivers));
        files.Add("political.png", source.LayerPng(MapLayer.Political));
        files.AddJson("legend.json", json => JsonLegend.Write(json, source));
        files.AddText("README.txt", JsonReadme.Text(source));
    }
}
