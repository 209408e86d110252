using System.Buffers.Binary;
using System.IO.Compression;

namespace Worldloom.Forge.Tests.Rendering;

/// <summary>
/// A small, independent PNG reader for the tests: checks the signature and every chunk's CRC (with its own bitwise
/// CRC-32, not the encoder's table), inflates IDAT and undoes all five filters. Non-interlaced 8-bit RGBA and 16-bit
/// grey only, which is what the encoder writes.
/// </summary>
public static class PngDecoder
{
    public sealed record Image(int Width, int Height, int BitDepth, int ColourType, byte[] Samples, IReadOnlyList<string> Chunks);

    public static Image Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = new List<string>();
        var idat = new MemoryStream();
        int width = 0, height = 0, depth = 0, colour = 0;
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(BitwiseCrc(png.AsSpan(at + 4, 4 + length)), crc);
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colour = data[9];
                    Assert.Equal(0, data[12]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);
        var bpp = colour == 6 ? 4 * depth / 8 : depth / 8;
        var stride = width * bpp;
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var filtered = raw.ToArray();
        Assert.Equal(height * (stride + 1), filtered.Length);
        var samples = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            Assert.InRange(filter, 0, 4);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? samples[(y * stride) + i - bpp] : 0;
                int b = y > 0 ? samples[((y - 1) * stride) + i] : 0;
                int c = i >= bpp && y > 0 ? samples[((y - 1) * stride) + i - bpp] : 0;
                int x = filtered[(y * (stride + 1)) + 1 + i];
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => Paeth(a, b, c),
                };
                samples[(y * stride) + i] = (byte)(x + predictor);
            }
        }

        return new Image(width, height, depth, colour, samples, chunks);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
