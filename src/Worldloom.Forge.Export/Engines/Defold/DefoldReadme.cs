using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>The Defold folder's README.txt.</summary>
internal static class DefoldReadme
{
    public static string Text(ExportSource source) => string.Format(
        CultureInfo.InvariantCulture,
        """
        Worldloom world {0} for Defold.

        Open: in the Defold editor choose File > Open Project and pick game.project in this folder; it boots
        /worldloom/world.collection. Or copy the worldloom/ folder into your own project's root (the files reference
        each other as /worldloom/...) and add world.collection to your main collection; then raise
        tilemap.max_tile_count and collection.max_instances in your game.project as this one does.

        worldloom/world.collection   game object "terrain" with the tilemap, and one game object per settlement
                                     (id = settlement id) running settlement.script
        worldloom/world.tilemap      layer "terrain": {1} x {2} cells, tile index = biome number
        worldloom/biomes.tilesource  the biome tiles ({3} x {3} pixels) cut from biomes.png
        worldloom/settlement.script  properties: settlement_id (hash of the id), faction (hash of the faction id),
                                     population, capital
        worldloom/settlements.lua    every settlement's id, name, size, population, culture, faction, capital and cell

        Units: one tile is {3} pixels and {4} x {4} world cells. Defold's y axis points up, so the world's north row is
        the tilemap's top row (y = {5}) and a world cell (x, y) has its tile centre at
        ((x / {4}) * {3} + {6}, ({5} - y / {4}) * {3} + {6}).
        """,
        source.Hash,
        source.Grid.Columns,
        source.Grid.Rows,
        BiomeTileset.TileSize,
        source.Grid.Scale,
        source.Grid.Rows - 1,
        BiomeTileset.TileSize / 2);
}
