using System.Buffers.Binary;
using System.IO.Compression;

namespace Worldloom.Forge.Export.Tests;

/// <summary>
/// A PNG read back for assertions: the header always, the pixels for non-interlaced 8-bit RGB or RGBA (what exporters
/// and tmxrasterizer write). Enough of ISO/IEC 15948 to check what a tool produced, no more.
/// </summary>
internal sealed class DecodedPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private DecodedPng(int width, int height, int bitDepth, int colourType, byte[]? rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA.</summary>
    public int ColourType { get; }

    /// <summary>Pixels as RGBA, row-major; null when only the header was read.</summary>
    public byte[]? Rgba { get; }

    /// <summary>The header (IHDR) of <paramref name="png"/>.</summary>
    public static DecodedPng Header(byte[] png)
    {
        CheckSignature(png);
        var (type, data, _) = ReadChunk(png, Signature.Length);
        Assert.Equal("IHDR", type);
        Assert.Equal(13, data.Count);
        return new DecodedPng(
            BinaryPrimitives.ReadInt32BigEndian(data),
            BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4)),
            data[8],
            data[9],
            null);
    }

    /// <summary>Header and pixels of an 8-bit RGB or RGBA, non-interlaced <paramref name="png"/>.</summary>
    public static DecodedPng Decode(byte[] png)
    {
        var header = Header(png);
        Assert.Equal(8, header.BitDepth);
        Assert.True(header.ColourType is 2 or 6, $"colour type {header.ColourType} is not RGB or RGBA");
        var bpp = header.ColourType == 6 ? 4 : 3;
        using var idat = new MemoryStream();
        var at = Signature.Length;
        while (at < png.Length)
        {
            var (type, data, next) = ReadChunk(png, at);
            if (type == "IHDR")
            {
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            at = next;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = header.Width * bpp;
        var raw = new byte[(stride + 1) * header.Height];
        zlib.ReadExactly(raw);
        var pixels = new byte[stride * header.Height];
        for (var y = 0; y < header.Height; y++)
        {
            Unfilter(raw[y * (stride + 1)], raw.AsSpan((y * (stride + 1)) + 1, stride), pixels, y, stride, bpp);
        }

        var rgba = new byte[header.Width * header.Height * 4];
        for (var i = 0; i < header.Width * header.Height; i++)
        {
            rgba[i * 4] = pixels[i * bpp];
            rgba[(i * 4) + 1] = pixels[(i * bpp) + 1];
            rgba[(i * 4) + 2] = pixels[(i * bpp) + 2];
            rgba[(i * 4) + 3] = bpp == 4 ? pixels[(i * bpp) + 3] : (byte)255;
        }

        return new DecodedPng(header.Width, header.Height, header.BitDepth, header.ColourType, rgba);
    }

    /// <summary>How many different RGBA values the pixels hold.</summary>
    public int DistinctColours()
    {
        Assert.NotNull(Rgba);
        var colours = new HashSet<uint>();
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            colours.Add(BinaryPrimitives.ReadUInt32BigEndian(Rgba.AsSpan(i)));
        }

        return colours.Count;
    }

    private static void CheckSignature(byte[] png)
    {
        Assert.True(png.Length > Signature.Length && png.AsSpan(0, Signature.Length).SequenceEqual(Signature), "not a PNG file");
    }

    private static (string Type, ArraySegment<byte> Data, int Next) ReadChunk(byte[] png, int at)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
        var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
        return (type, new ArraySegment<byte>(png, at + 8, length), at + 12 + length);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> row, byte[] pixels, int y, int stride, int bpp)
    {
        var output = pixels.AsSpan(y * stride, stride);
        ReadOnlySpan<byte> previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
        for (var i = 0; i < stride; i++)
        {
            var left = i >= bpp ? output[i - bpp] : 0;
            var up = previous[i];
            var upLeft = i >= bpp ? previous[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) >> 1,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"PNG filter type {filter} is not 0-4."),
            };
            output[i] = (byte)(row[i] + predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
