namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// A Defold project folder: a tilemap of the biomes over a tilesource of the shared image, and a collection with a
/// game object for the tilemap and one per settlement.
/// </summary>
public sealed class DefoldExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.Defold;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        files.AddText("game.project", DefoldProject.Text(source));
        files.AddText(DefoldLayout.File(DefoldLayout.Collection), DefoldCollection.Text(source));
        files.AddText(DefoldLayout.File(DefoldLayout.Tilemap), DefoldTilemap.Text(source.Grid));
        files.AddText(DefoldLayout.File(DefoldLayout.Tilesource), DefoldTilesource.Text());
        files.Add(DefoldLayout.File(DefoldLayout.Image), source.Tileset.Png);
        files.AddText(DefoldLayout.File(DefoldLayout.Script), DefoldScripts.SettlementScript());
        files.AddText(DefoldLayout.File(DefoldLayout.SettlementData), DefoldScripts.SettlementData(source));
        files.AddText("README.txt", DefoldReadme.Text(source));
    }
}
