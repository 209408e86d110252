namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>
/// A Roblox model (<c>world.rbxmx</c>, XML format) that Studio inserts: terrain data and its builder as ModuleScripts,
/// and folders of Parts for settlements and points of interest.
/// </summary>
public sealed class RobloxExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.Roblox;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var terrain = RobloxTerrain.From(source);
        files.AddXml("world.rbxmx", xml => RobloxModel.Write(xml, source, terrain));
        files.AddText("README.txt", RobloxReadme.Text(source, terrain));
    }
}
