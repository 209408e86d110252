using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Unreal;

/// <summary>The export's README.txt: the Landscape import steps, the scale and the DataTables.</summary>
internal static class UnrealReadme
{
    public static string Write(UnrealLandscape landscape)
    {
        var source = landscape.Source;
        var n = landscape.Resolution;
        var layers = string.Join(", ", landscape.Layers.Select(g => BiomeGroups.Names[g]));
        return $"""
            Worldloom world {source.Hash}
            Seed: {source.World.Seed.Text}

            LANDSCAPE (Unreal Engine 5; 4.26+ works the same way)
            1. Landscape mode > Manage > New > Import from File; Heightmap File: Landscape/heightmap.png ({n} x {n}, 16-bit).
            2. Location: X 0, Y 0, Z {landscape.LocationZ}   (this puts sea level at Z = 0)
               Scale:    X {landscape.ScaleX}, Y {landscape.ScaleY}, Z {UnrealLandscape.ZScale}
               Section Size {UnrealLandscape.SectionQuads}x{UnrealLandscape.SectionQuads} quads, {UnrealLandscape.SectionsPerComponent}x{UnrealLandscape.SectionsPerComponent} sections per component, {landscape.Components}x{landscape.Components} components
               (Unreal proposes this layout for a {n} heightmap).
            3. Layers: with a landscape material that has layers named {layers},
               create a Weight-Blended Layer Info for each and import Landscape/weight_<layer>.png into it
               (8-bit greyscale, same size as the heightmap; at each vertex the layers' weights sum to 255).
            4. Import.

            SCALE
            1 Unreal unit = 1 cm. World cells are {TerrainScale.MetresPerCell} m apart, so X {landscape.ScaleX} cm per quad spreads the
            {source.Heightmap.Width} cells across {TerrainScale.SpanMetres(source.Heightmap.Width)} m and Y {landscape.ScaleY} cm per quad the {source.Heightmap.Height} rows across {TerrainScale.SpanMetres(source.Heightmap.Height)} m.
            Z: Unreal puts heightmap value v at (v - 32768) x ZScale / 128 cm; with Z scale {UnrealLandscape.ZScale} one unit is 1.5625 cm
            (1/{TerrainScale.UnitsPerMetre} m), so the whole 0..65535 range spans {TerrainScale.HeightRangeMetres} m (Z scale 100 would span 512 m).
            Sea level is value {source.Heightmap.SeaLevel}; the Location Z above puts it at Z = 0.
            Orientation: image columns run along +X (west to east), rows along +Y (north to south); the landscape's
            origin is the world's north-west corner.

            DATA TABLES
            Data/settlements.csv, npcs.csv, pois.csv (and the same rows as .json): drag one into the Content Browser,
            pick a row struct whose fields match the columns, and import. The first column, Name, is the row name: the
            world id (settlement-3, npc-12, poi-5). Suggested row structs:
              settlements: DisplayName, Faction, FactionName (FString); Population (int32); Size (FString: hamlet,
                village, town, city); Capital (bool); Culture, Region, Biome (FString); Coastal (bool);
                CellX, CellY (int32: the world cell); X, Y, Z (float: cm relative to the landscape actor,
                Z above sea level).
              npcs: DisplayName, Role (FString); Age (int32); Culture, Settlement, Faction (FString: ids);
                Traits (TArray<FString>).
              pois: DisplayName, Kind, Region, Hook (FString: the quest hook); CellX, CellY (int32); X, Y, Z (float).

            FILES
            landscape.json              the numbers above, for tools.
            Landscape/heightmap.png     16-bit greyscale heightmap, north at the top.
            Landscape/weight_*.png      one 8-bit weight layer per biome group present.
            Data/*.csv, Data/*.json     DataTable rows.

            """;
    }
}
