using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Worldloom.Forge.Export.Tests.Terrain;

/// <summary>
/// A PNG read back independently of the encoder: header, then the IDAT stream inflated and unfiltered (all five
/// filter types), for greyscale (8 or 16 bits) and RGBA (8 bits) images without interlacing.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, int bitDepth, int colourType, byte[] samples)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Samples = samples;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>0 greyscale, 6 RGBA.</summary>
    public int ColourType { get; }

    /// <summary>Unfiltered rows, as stored (16-bit samples big-endian).</summary>
    public byte[] Samples { get; }

    public static PngImage Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG signature");
        int width = 0, height = 0, bitDepth = 0, colourType = 0;
        using var idat = new MemoryStream();
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colourType = data[9];
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        var channels = colourType switch
        {
            0 => 1,
            6 => 4,
            _ => throw new InvalidDataException($"colour type {colourType} is not read here"),
        };
        var bpp = channels * bitDepth / 8;
        var stride = width * bpp;
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var filtered = inflated.ToArray();
        Assert.Equal((stride + 1) * height, filtered.Length);
        var samples = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            var line = filtered.AsSpan((y * (stride + 1)) + 1, stride);
            var row = samples.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> previous = y == 0 ? new byte[stride] : samples.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0, b = previous[x], c = x >= bpp ? previous[x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                row[x] = (byte)(line[x] + predictor);
            }
        }

        return new PngImage(width, height, bitDepth, colourType, samples);
    }

    /// <summary>The 16-bit greyscale samples, row-major.</summary>
    public ushort[] Gray16()
    {
        Assert.Equal(16, BitDepth);
        Assert.Equal(0, ColourType);
        var values = new ushort[Width * Height];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16BigEndian(Samples.AsSpan(i * 2));
        }

        return values;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
