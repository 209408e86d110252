using System.Buffers.Binary;
using System.IO.Compression;

namespace Worldloom.Forge.Core.Rendering;

/// <summary>
/// Writes PNG files (ISO/IEC 15948) from memory: 8-bit RGBA for maps, 16-bit greyscale for raw elevation and 8-bit
/// greyscale for weights. Each row gets the filter (none, sub, up, average, Paeth) with the smallest sum of absolute
/// residuals, the heuristic libpng uses, before zlib compression. The pixels are exact; the compressed bytes may differ
/// between zlib versions, so PNG bytes are never hashed, only their pixels.
/// </summary>
public static class PngEncoder
{
    private const int IdatChunkSize = 1 << 18;
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG of <paramref name="image"/> (colour type 6, 8 bits per channel).</summary>
    public static byte[] Encode(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return EncodeRgba(image.Width, image.Height, image.Pixels);
    }

    /// <summary>The PNG of <paramref name="rgba"/>: <paramref name="width"/> × <paramref name="height"/> pixels of 4 bytes, row-major.</summary>
    public static byte[] EncodeRgba(int width, int height, ReadOnlySpan<byte> rgba)
    {
        CheckSize(width, height, rgba.Length, 4);
        return Encode(width, height, bitDepth: 8, colourType: 6, bytesPerPixel: 4, rgba);
    }

    /// <summary>The PNG of 16-bit grey samples (colour type 0), e.g. elevations 0..65535; PNG stores them big-endian.</summary>
    public static byte[] EncodeGray16(int width, int height, ReadOnlySpan<ushort> samples)
    {
        CheckSize(width, height, samples.Length, 1);
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i * 2), samples[i]);
        }

        return Encode(width, height, bitDepth: 16, colourType: 0, bytesPerPixel: 2, bytes);
    }

    /// <summary>The PNG of 8-bit grey samples (colour type 0), e.g. a terrain layer's weights 0..255.</summary>
    public static byte[] EncodeGray8(int width, int height, ReadOnlySpan<byte> samples)
    {
        CheckSize(width, height, samples.Length, 1);
        return Encode(width, height, bitDepth: 8, colourType: 0, bytesPerPixel: 1, samples);
    }

    private static void CheckSize(int width, int height, int length, int unitsPerPixel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (length != (long)width * height * unitsPerPixel)
        {
            throw new ArgumentException($"Expected {(long)width * height * unitsPerPixel} values for {width}×{height}; got {length}.");
        }
    }

    private static byte[] Encode(int width, int height, byte bitDepth, byte colourType, int bytesPerPixel, ReadOnlySpan<byte> pixels)
    {
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = bitDepth;
        header[9] = colourType;
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);

        var compressed = Compress(width * bytesPerPixel, height, bytesPerPixel, pixels);
        for (var at = 0; at < compressed.Length; at += IdatChunkSize)
        {
            WriteChunk(output, "IDAT"u8, compressed.AsSpan(at, Math.Min(IdatChunkSize, compressed.Length - at)));
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Compress(int stride, int height, int bpp, ReadOnlySpan<byte> pixels)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + stride];
            var best = new byte[1 + stride];
            var empty = new byte[stride];
            for (var y = 0; y < height; y++)
            {
                var current = pixels.Slice(y * stride, stride);
                var previous = y == 0 ? empty : pixels.Slice((y - 1) * stride, stride);
                var bestScore = long.MaxValue;
                for (byte filter = 0; filter <= 4; filter++)
                {
                    var score = Filter(filter, current, previous, bpp, row);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        (row, best) = (best, row);
                    }
                }

                zlib.Write(best);
            }
        }

        return compressed.ToArray();
    }

    // Writes the filtered row (type byte first) into row and returns the sum of |residual| with residuals read as
    // signed bytes, the minimum-sum-of-absolute-differences heuristic. One loop per filter keeps the inner loops tight.
    private static long Filter(byte filter, ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bpp, byte[] row)
    {
        row[0] = filter;
        var output = row.AsSpan(1, current.Length);
        switch (filter)
        {
            case 0:
                current.CopyTo(output);
                break;
            case 1:
                current[..bpp].CopyTo(output);
                for (var i = bpp; i < current.Length; i++)
                {
                    output[i] = (byte)(current[i] - current[i - bpp]);
                }

                break;
            case 2:
                for (var i = 0; i < current.Length; i++)
                {
                    output[i] = (byte)(current[i] - previous[i]);
                }

                break;
            case 3:
                for (var i = 0; i < bpp; i++)
                {
                    output[i] = (byte)(current[i] - (previous[i] >> 1));
                }

                for (var i = bpp; i < current.Length; i++)
                {
                    output[i] = (byte)(current[i] - ((current[i - bpp] + previous[i]) >> 1));
                }

                break;
            default:
                for (var i = 0; i < bpp; i++)
                {
                    output[i] = (byte)(current[i] - previous[i]);
                }

                for (var i = bpp; i < current.Length; i++)
                {
                    output[i] = (byte)(current[i] - Paeth(current[i - bpp], previous[i], previous[i - bpp]));
                }

                break;
        }

        long score = 0;
        foreach (var residual in output)
        {
            score += residual < 128 ? residual : 256 - residual;
        }

        return score;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(type);
        output.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFF, type), data);
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, ~crc);
        output.Write(crcBytes);
    }
}
