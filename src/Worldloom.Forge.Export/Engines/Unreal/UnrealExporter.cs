namespace Worldloom.Forge.Export.Engines.Unreal;

/// <summary>
/// An Unreal Landscape kit: a 16-bit PNG heightmap at a recommended Landscape size, an 8-bit weight layer per biome
/// group, DataTable-ready CSV and JSON for settlements, NPCs and points of interest, and the scales to import with.
/// </summary>
public sealed class UnrealExporter : IEngineExporter
{
    /// <inheritdoc />
    public string Engine => ExportEngines.Unreal;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var landscape = new UnrealLandscape(source);
        var tables = UnrealDataTables.Build(landscape);
        files.AddJson("landscape.json", json => landscape.WriteJson(json, tables.SelectMany(t => new[] { $"Data/{t.Name}.csv", $"Data/{t.Name}.json" })));
        files.Add(UnrealLandscape.HeightmapPath, landscape.Heightmap());
        foreach (var group in landscape.Layers)
        {
            files.Add(UnrealLandscape.WeightPath(group), landscape.Weights(group));
        }

        foreach (var table in tables)
        {
            files.AddText($"Data/{table.Name}.csv", table.Csv());
            files.AddJson($"Data/{table.Name}.json", table.WriteJson);
        }

        files.AddText("README.txt", UnrealReadme.Write(landscape));
    }
}
