using System.Buffers.Binary;
using System.IO.Compression;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// The terrain layer's data as both formats store it compressed: global tile ids (biome + first gid 1) as 32-bit
/// little-endian integers, row-major from the top-left, zlib-compressed, then base64.
/// </summary>
internal static class TiledTerrain
{
    public const int FirstGid = 1;

    public static string Encode(ExportGrid grid)
    {
        var tiles = grid.Tiles;
        var gids = new byte[tiles.Length * 4];
        for (var i = 0; i < tiles.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(gids.AsSpan(i * 4), (uint)(tiles[i] + FirstGid));
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(gids);
        }

        return Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length);
    }
}
