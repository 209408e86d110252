using System.Globalization;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>The GameMaker folder's README.txt.</summary>
internal static class GameMakerReadme
{
    public static string Text(ExportSource source) => string.Format(
        CultureInfo.InvariantCulture,
        """
        Worldloom world {0} for GameMaker (files in the 2024.14 format; .yy files are strict JSON).

        Open: File > Open Project and pick Worldloom.yyp; the room rm_world is the first room. To use it in your own
        project instead, copy rooms/rm_world, tilesets/ts_biomes, sprites/spr_biomes, sprites/spr_settlement,
        sprites/spr_poi, objects/obj_settlement and objects/obj_poi into it and add each to your .yyp's "resources"
        (GameMaker has no import for a room file on its own).

        rm_world  {1} x {2} pixels.
          layer "Biomes"  tile layer, {3} x {4} tiles of {5} pixels from ts_biomes; tile = biome number + 1 (tile 0 is
                          GameMaker's empty tile, so the tileset image starts with a blank tile).
          layer "Places"  an obj_settlement instance per settlement and an obj_poi instance per point of interest, at
                          the centre of its tile.
          RoomCreationCode.gml sets each instance's variables:
            obj_settlement  settlement_id, settlement_name, size, population, culture, faction, capital
            obj_poi         poi_id, poi_name, kind, hook (the quest hook text)

        Units: one tile is {5} pixels and {6} x {6} world cells; a world cell (x, y) is at room pixel
        ((x / {6}) * {5} + {7}, (y / {6}) * {5} + {7}); y grows down, as in the world document.
        """,
        source.Hash,
        source.Grid.Columns * BiomeTileset.TileSize,
        source.Grid.Rows * BiomeTileset.TileSize,
        source.Grid.Columns,
        source.Grid.Rows,
        BiomeTileset.TileSize,
        source.Grid.Scale,
        BiomeTileset.TileSize / 2);
}
