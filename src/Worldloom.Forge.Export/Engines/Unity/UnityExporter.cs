namespace Worldloom.Forge.Export.Engines.Unity;

/// <summary>
/// A Unity terrain kit: a 16-bit raw heightmap at 2^n+1 resolution, splat maps for eight biome groups, the world's
/// settlements, NPCs and points of interest as JSON, and an editor script that builds the terrain and places markers.
/// </summary>
public sealed class UnityExporter : IEngineExporter
{
    private static readonly Lazy<string> Importer = new(() => EmbeddedText.Read("Unity/WorldloomImporter.cs"));
    private static readonly Lazy<string> Marker = new(() => EmbeddedText.Read("Unity/WorldloomMarker.cs"));

    /// <inheritdoc />
    public string Engine => ExportEngines.Unity;

    /// <inheritdoc />
    public void Export(ExportSource source, EngineFiles files)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(files);
        var terrain = new UnityTerrain(source);
        var splat = new UnitySplatMaps(terrain.Resolution);
        files.AddJson("terrain.json", json => terrain.WriteJson(json, splat));
        files.Add(UnityTerrain.RawPath, terrain.Raw());
        var images = splat.Encode(source);
        for (var i = 0; i < images.Length; i++)
        {
            files.Add(UnitySplatMaps.PathOf(i), images[i]);
        }

        files.AddJson(UnityEntities.SettlementsPath, json => UnityEntities.WriteSettlements(json, terrain));
        files.AddJson(UnityEntities.NpcsPath, json => UnityEntities.WriteNpcs(json, source));
        files.AddJson(UnityEntities.PointsOfInterestPath, json => UnityEntities.WritePointsOfInterest(json, terrain));
        files.AddText("Editor/WorldloomImporter.cs", Importer.Value);
        files.AddText("Scripts/WorldloomMarker.cs", Marker.Value);
        files.AddText("README.txt", UnityReadme.Write(terrain, splat));
    }
}
