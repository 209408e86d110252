using System.Buffers.Binary;
using Worldloom.Forge.Core.Rendering;

namespace Worldloom.Forge.Tests.Rendering;

public sealed class PngEncoderTests
{
    [Fact]
    public void Crc32_CheckValue_IsCbf43926() => Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(300, 257)]
    public void EncodeRgba_DecodesToTheSamePixels(int width, int height)
    {
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < pixels.Length; i++)
        {
            // Smooth ramps, noise and flat runs, so every filter type gets chosen somewhere.
            var p = i / 4;
            int x = p % width, y = p / width;
            pixels[i] = (i % 4) switch
            {
                0 => (byte)(x * 3),
                1 => (byte)((x * 7919) ^ (y * 104729)),
                2 => (byte)(y < height / 2 ? 40 : x + y),
                _ => (byte)(255 - (x & y)),
            };
        }

        var decoded = PngDecoder.Decode(PngEncoder.EncodeRgba(width, height, pixels));

        Assert.Equal((width, height, 8, 6), (decoded.Width, decoded.Height, decoded.BitDepth, decoded.ColourType));
        Assert.Equal(pixels, decoded.Samples);
    }

    [Fact]
    public void EncodeRgba_LargeImage_SplitsIdatAndStillDecodes()
    {
        var image = new RgbaImage(700, 700);
        var pixels = image.Pixels;
        var state = 1u;
        for (var i = 0; i < pixels.Length; i++)
        {
            state = (state * 1664525) + 1013904223;
            pixels[i] = (byte)(state >> 24);
        }

        var decoded = PngDecoder.Decode(PngEncoder.Encode(image));

        Assert.True(decoded.Chunks.Count(c => c == "IDAT") > 1);
        Assert.Equal(image.Pixels.ToArray(), decoded.Samples);
    }

    [Fact]
    public void EncodeGray16_StoresBigEndianSamples()
    {
        var samples = new ushort[] { 0, 1, 255, 256, 32768, 65535, 4660, 43981, 7 };

        var decoded = PngDecoder.Decode(PngEncoder.EncodeGray16(3, 3, samples));

        Assert.Equal((3, 3, 16, 0), (decoded.Width, decoded.Height, decoded.BitDepth, decoded.ColourType));
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(samples[i], BinaryPrimitives.ReadUInt16BigEndian(decoded.Samples.AsSpan(i * 2)));
        }
    }

    [Fact]
    public void Encode_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgba(2, 2, new byte[15]));
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeGray16(2, 2, new ushort[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.EncodeRgba(0, 2, []));
    }
}
