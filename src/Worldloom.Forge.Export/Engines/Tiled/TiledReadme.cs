using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>The Tiled folder's README.txt.</summary>
internal static class TiledReadme
{
    public static string Text(ExportSource source, TiledMap map) => string.Format(
        CultureInfo.InvariantCulture,
        """
        Worldloom world {0} for Tiled (1.8 or later).

        Open world.tmx (XML) or world.tmj (JSON) with File > Open; both are the same map and use the external tileset
        biomes.tsx with its image biomes.png, so keep the four files in one folder.

        Map: orthogonal, {1} x {2} tiles of {3} x {3} pixels. One tile is {4} x {4} world cells.
        Layers:
          terrain      tile layer, one biome per tile (tile id = biome number; gid = biome + 1). Each tileset tile has
                       a "biome" property with the biome's name.
          settlements  points: id, name, size, population, culture, faction, capital
          npc_spawns   points at each NPC's home settlement: id, name, role, settlement, faction
          pois         points of interest: id, name, kind, hook (the quest hook text)
          roads        polylines through tile centres: id, from, to (settlement ids)
          rivers       polylines from source to mouth: id, name
        Map properties: seed, world_hash, generator, cells_per_tile.

        Units: a world cell (x, y) is at pixel ((x / cells_per_tile) * {3} + {5}, (y / cells_per_tile) * {3} + {5}),
        the centre of its tile; x grows east and y grows south, as in the world document.
        Render it headless with:  tmxrasterizer --tilesize 4 world.tmx world.png
        """,
        source.Hash,
        map.Columns,
        map.Rows,
        TiledMap.TileSize,
        source.Grid.Scale,
        TiledMap.TileSize / 2);
}
