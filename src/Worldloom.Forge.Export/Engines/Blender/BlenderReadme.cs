using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Blender;

/// <summary>The export's README.txt: how to build the scene and the units.</summary>
internal static class BlenderReadme
{
    public static string Write(BlenderGrid grid)
    {
        var source = grid.Source;
        return $"""
            Worldloom world {source.Hash}
            Seed: {source.World.Seed.Text}

            BUILD (Blender 2.93 or later)
            From a shell in this folder:
              blender -b --python build_world.py -- --save          writes world.blend here
              blender -b --python build_world.py -- --save my.blend writes my.blend
            Or in Blender: Scripting workspace > Open > build_world.py > Run Script (it builds into the open scene).
            The script finds its files next to itself, so keep this folder together.

            WHAT IT BUILDS (collection "Worldloom")
            Terrain           a mesh of {grid.Columns} x {grid.Rows} vertices ({grid.Columns - 1} x {grid.Rows - 1} faces), one material per biome
                              present (biome_<name>, the map's colours); each face takes the biome of its cell.
            Settlements       an empty (arrow) per settlement, named after it, with custom properties id, name,
                              faction (id), factionName, population, size, capital, culture, region.
            PointsOfInterest  an empty (sphere) per point of interest with id, name, kind, region, hook.

            UNITS
            1 Blender unit = 1 metre. +X is east, +Y is north, Z is height above sea level (sea level = 0).
            World cells are {TerrainScale.MetresPerCell} m apart: the terrain spans {grid.SizeX} m (X) by {grid.SizeY} m (Y), from the south-west
            cell at the origin. Elevation units are 1/{TerrainScale.UnitsPerMetre} m: the 0..65535 range spans {TerrainScale.HeightRangeMetres} m; sea level is {source.Heightmap.SeaLevel}.

            FILES
            build_world.py   the script.
            blender.json     grid size and extent, sea level, biome names and colours, settlements, points of interest.
            heightmap.raw    the grid's elevations: {grid.Columns} x {grid.Rows} unsigned 16-bit little-endian, north row first.
            biomes.raw       one biome byte per face ({grid.Columns - 1} x {grid.Rows - 1}), north row first.
            heightmap.png    the full-resolution elevation ({source.Heightmap.Width} x {source.Heightmap.Height}, 16-bit greyscale), e.g. for a
                             Displace modifier on a finer grid.

            """;
    }
}
