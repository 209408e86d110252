using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// What the .tmx and the .tmj both say, built once: an orthogonal map of one biome tile per grid tile, the terrain
/// layer's encoded data, and object layers for settlements, NPC spawns, points of interest, roads and rivers.
/// </summary>
internal sealed class TiledMap
{
    /// <summary>Tiled's file format version these files follow.</summary>
    public const string FormatVersion = "1.8";

    /// <summary>The Tiled release whose output the files mirror.</summary>
    public const string TiledVersion = "1.8.2";

    /// <summary>The external tileset both maps reference.</summary>
    public const string TilesetFile = "biomes.tsx";

    /// <summary>The tileset's image.</summary>
    public const string TilesetImage = "biomes.png";

    /// <summary>The tile layer's id; object layers follow it.</summary>
    public const int TerrainLayerId = 1;

    private TiledMap(int columns, int rows, string terrain, IReadOnlyList<TiledProperty> properties, IReadOnlyList<TiledObjectLayer> objectLayers)
    {
        Columns = columns;
        Rows = rows;
        Terrain = terrain;
        Properties = properties;
        ObjectLayers = objectLayers;
        NextObjectId = 1 + objectLayers.Sum(l => l.Objects.Count);
    }

    public static int TileSize => BiomeTileset.TileSize;

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Base64 of the zlib-compressed gids (<see cref="TiledTerrain"/>).</summary>
    public string Terrain { get; }

    public IReadOnlyList<TiledProperty> Properties { get; }

    public IReadOnlyList<TiledObjectLayer> ObjectLayers { get; }

    public int NextLayerId => TerrainLayerId + ObjectLayers.Count + 1;

    public int NextObjectId { get; }

    public static TiledMap From(ExportSource source)
    {
        var grid = source.Grid;
        return new TiledMap(
            grid.Columns,
            grid.Rows,
            TiledTerrain.Encode(grid),
            [
                TiledProperty.Text("seed", source.World.Seed.Text),
                TiledProperty.Text("world_hash", source.Hash),
                TiledProperty.Text("generator", WorldPipeline.GeneratorVersion),
                TiledProperty.Integer("cells_per_tile", grid.Scale),
            ],
            TiledObjectLayers.From(source, TerrainLayerId + 1));
    }

    /// <summary>The centre of a tile in map pixels.</summary>
    public static TiledPoint Centre(GridPoint tile) =>
        new((tile.X * TileSize) + (TileSize / 2), (tile.Y * TileSize) + (TileSize / 2));
}
