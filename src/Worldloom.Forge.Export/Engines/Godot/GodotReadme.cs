namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>The project's README.txt: how to open it and what the nodes and their metadata mean.</summary>
internal static class GodotReadme
{
    public static string Write(ExportSource source)
    {
        var grid = source.Grid;
        return $"""
            Worldloom world {source.Hash}
            Seed: {source.World.Seed.Text}

            OPENING
            This folder is a Godot 4 project (Godot 4.3 or later: it uses TileMapLayer).
            1. Start Godot, choose Import in the Project Manager and select project.godot in this folder.
            2. Godot imports the images on first open, then runs world.tscn as the main scene (F5).

            FILES
            project.godot   project settings; world.tscn is the main scene, textures are filtered nearest.
            world.tscn      the world (Node2D "World").
            biomes.tres     the TileSet: one 16x16 tile per biome in biomes.png, atlas coordinates (biome, 0),
                            custom data layer "biome" with the biome's name.
            biomes.png      the tile atlas, one row of {source.Tileset.Count} tiles.
            heightmap.png   elevation, 16-bit greyscale, one pixel per world cell ({source.Heightmap.Width} x {source.Heightmap.Height});
                            0 is the lowest possible elevation, 65535 the highest, sea level is {source.Heightmap.SeaLevel}.

            UNITS
            One tile is 16 x 16 pixels and covers {grid.Scale} x {grid.Scale} world cell(s): the map is {grid.Columns} x {grid.Rows} tiles,
            {grid.Columns * 16} x {grid.Rows * 16} pixels. Y grows southwards, so north is at the top, as on the map.

            NODES
            Heightmap         Sprite2D of heightmap.png scaled to cover the tiles; under the tiles, hide Terrain to see it.
            Terrain           TileMapLayer, one tile per grid cell, the tile of the cell's biome.
            Settlements/<id>  Marker2D at the centre of the settlement's tile.
            PointsOfInterest/<id>  Marker2D at the centre of the point's tile.

            METADATA (get_meta("name") in GDScript)
            World:        hash (the world's SHA-256), seed, cells_per_tile.
            Settlements:  id, name, faction (faction id, "" if none), faction_name, population, size (hamlet, village,
                          town, city), capital (true for its faction's capital), culture, region (region id), biome,
                          coastal, cell (Vector2i: the world cell, column and row from the north-west corner).
            Points of interest: id, name, kind (ruin, dungeon, lair, shrine, ...), region, hook (the quest hook), cell.

            """;
    }
}
