using System.Buffers.Binary;

namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>
/// A <c>TileMapLayer</c>'s <c>tile_map_data</c> in Godot 4.3+'s layout (scene/2d/tile_map_layer.cpp,
/// <c>get_tile_map_data_as_array</c>): a uint16 format version (0, <c>TILE_MAP_LAYER_DATA_FORMAT_0</c>), then 12 bytes
/// per cell, all little-endian: x and y as int16, source id, atlas x, atlas y and alternative tile as uint16.
/// </summary>
internal static class TileMapData
{
    /// <summary>Bytes per cell record.</summary>
    public const int CellSize = 12;

    /// <summary>Bytes before the first record.</summary>
    public const int HeaderSize = 2;

    /// <summary>
    /// Every tile of <paramref name="grid"/>, row by row, from atlas source 0 with atlas coordinates (biome, 0): the
    /// tileset has one row of tiles, one per biome.
    /// </summary>
    public static byte[] Encode(ExportGrid grid)
    {
        var tiles = grid.Tiles;
        var data = new byte[HeaderSize + (tiles.Length * CellSize)];
        // The header's format version and every record's source id, atlas y and alternative are 0: left as allocated.
        var at = HeaderSize;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var span = data.AsSpan(at, CellSize);
                BinaryPrimitives.WriteInt16LittleEndian(span, (short)column);
                BinaryPrimitives.WriteInt16LittleEndian(span[2..], (short)row);
                BinaryPrimitives.WriteUInt16LittleEndian(span[6..], tiles[(row * grid.Columns) + column]);
                at += CellSize;
            }
        }

        return data;
    }
}
