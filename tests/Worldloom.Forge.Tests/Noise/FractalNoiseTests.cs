using Worldloom.Forge.Core.Noise;
using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Tests.Noise;

public sealed class FractalNoiseTests
{
    [Theory]
    [InlineData(1, 65536)]
    [InlineData(6, 32768)]
    [InlineData(16, 45875)]
    public void Sample_StaysWithinTheSingleOctaveBound(int octaves, int gain)
    {
        var noise = new FractalNoise(ChaChaRng.ForStage("fbm"u8, "noise"), octaves, gain);
        var rng = ChaChaRng.ForStage("fbm"u8, "points");
        for (var i = 0; i < 50_000; i++)
        {
            Assert.InRange(noise.Sample((int)(rng.NextUInt32() >> 4), (int)(rng.NextUInt32() >> 4)), -GradientNoise.Bound, GradientNoise.Bound);
        }
    }

    [Fact]
    public void Sample_IsDeterministic_AndSeedDependent()
    {
        var a = new FractalNoise(ChaChaRng.ForStage("one"u8, "noise"), 6, Fixed.Half);
        var b = new FractalNoise(ChaChaRng.ForStage("one"u8, "noise"), 6, Fixed.Half);
        var c = new FractalNoise(ChaChaRng.ForStage("two"u8, "noise"), 6, Fixed.Half);
        var differ = 0;
        for (var i = 0; i < 500; i++)
        {
            int x = i * 7919, y = i * 104729;
            Assert.Equal(a.Sample(x, y), b.Sample(x, y));
            differ += a.Sample(x, y) != c.Sample(x, y) ? 1 : 0;
        }

        Assert.True(differ > 450);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Constructor_RejectsOctavesOutOfRange(int octaves) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FractalNoise(ChaChaRng.ForStage("x"u8, "noise"), octaves, Fixed.Half));

    [Fact]
    public void Constructor_RejectsGainAboveOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FractalNoise(ChaChaRng.ForStage("x"u8, "noise"), 4, Fixed.One + 1));
}
