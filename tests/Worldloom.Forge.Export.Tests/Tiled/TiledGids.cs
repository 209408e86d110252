using System.Buffers.Binary;
using System.IO.Compression;

namespace Worldloom.Forge.Export.Tests.Tiled;

/// <summary>Decodes a Tiled tile layer's base64 + zlib data back into global tile ids.</summary>
internal static class TiledGids
{
    public static uint[] Decode(string base64)
    {
        using var compressed = new MemoryStream(Convert.FromBase64String(base64.Trim()));
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        Assert.Equal(0, bytes.Length % 4);
        var gids = new uint[bytes.Length / 4];
        for (var i = 0; i < gids.Length; i++)
        {
            gids[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return gids;
    }
}
