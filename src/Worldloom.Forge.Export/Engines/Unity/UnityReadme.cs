using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Unity;

/// <summary>The export's README.txt: how to import it into Unity and the units.</summary>
internal static class UnityReadme
{
    public static string Write(UnityTerrain terrain, UnitySplatMaps splat)
    {
        var source = terrain.Source;
        var sea = TerrainScale.Metres(source.Heightmap.SeaLevel);
        return $"""
            Worldloom world {source.Hash}
            Seed: {source.World.Seed.Text}

            IMPORT (Unity 2021.3 or later; built-in, URP or HDRP)
            1. Copy this whole folder into your project's Assets folder, e.g. Assets/Worldloom.
            2. When Unity has compiled the scripts, choose Worldloom > Import World and pick this folder (the default).
            3. The importer builds the terrain (sea level at y = 0), paints its layers, and adds a GameObject with a
               WorldloomMarker for every settlement and point of interest. Generated assets go to
               Assets/WorldloomGenerated/<world>.

            BY HAND, WITHOUT THE SCRIPT
            Create a Terrain; in Terrain Settings > Texture Resolutions choose Import Raw with Terrain/heightmap.raw and
              Depth: Bit 16, Width and Height: {terrain.Resolution}, Byte Order: Windows, Flip Vertically: OFF,
              Terrain Size: X {terrain.SizeX}, Y {TerrainScale.HeightRangeMetres}, Z {terrain.SizeZ}.
            Then set the terrain's position Y to -{sea} so that sea level is at 0.
            (The raw file's rows run south to north, so north ends up at +Z with no flip.)

            FILES
            terrain.json               resolution, size, sea level, splat layers with names and colours.
            Terrain/heightmap.raw      {terrain.Resolution} x {terrain.Resolution} samples, 16-bit little-endian, south row first.
            Terrain/splat_0.png        layer weights: R water, G sand, B grass, A forest ({splat.Resolution} x {splat.Resolution}, north at the top).
            Terrain/splat_1.png        layer weights: R rock, G snow, B desert, A wetland. Per pixel the eight
                                       channels of both images sum to 255.
            Entities/settlements.json  settlements: id, name, faction, factionName, population, size, capital, culture,
                                       region, biome, coastal, freshWater, cellX/cellY (world cell), x/z (metres on
                                       the terrain), elevationMetres (above sea level).
            Entities/npcs.json         people: id, name, role, age, culture, settlement (id), faction, traits,
                                       relationships (npc id and kind).
            Entities/pois.json         points of interest: id, name, kind, region, hook (quest hook), cell and position.
            Editor/WorldloomImporter.cs   the importer (menu Worldloom > Import World).
            Scripts/WorldloomMarker.cs    the component on each marker, holding its data.

            UNITS
            1 Unity unit = 1 metre. World cells are {TerrainScale.MetresPerCell} m apart: the terrain is {terrain.SizeX} m (x, west to east)
            by {terrain.SizeZ} m (z, south to north). Elevation 0..65535 maps to 0..{TerrainScale.HeightRangeMetres} m ({TerrainScale.UnitsPerMetre} units per metre);
            sea level is {source.Heightmap.SeaLevel}, {sea} m above the terrain's base.

            """;
    }
}
