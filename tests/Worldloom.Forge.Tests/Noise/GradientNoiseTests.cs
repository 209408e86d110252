using Worldloom.Forge.Core.Noise;
using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Tests.Noise;

public sealed class GradientNoiseTests
{
    private static GradientNoise Make(string seed) => new(ChaChaRng.ForStage(System.Text.Encoding.UTF8.GetBytes(seed), "noise"));

    [Fact]
    public void Sample_StaysWithinBound()
    {
        var noise = Make("range");
        var rng = ChaChaRng.ForStage("range"u8, "points");
        var peak = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var v = noise.Sample((int)rng.NextUInt32(), (int)rng.NextUInt32());
            Assert.InRange(v, -GradientNoise.Bound, GradientNoise.Bound);
            peak = Math.Max(peak, Math.Abs(v));
        }

        // Not flat: real noise reaches a good part of its range.
        Assert.True(peak > GradientNoise.Bound / 2, $"peak {peak}");
    }

    [Fact]
    public void Sample_AtLatticePoints_IsZero()
    {
        var noise = Make("lattice");
        for (var i = -5; i < 300; i += 7)
        {
            Assert.Equal(0, noise.Sample(Fixed.FromInt(i), Fixed.FromInt(i * 3)));
        }
    }

    [Fact]
    public void Sample_IsContinuous()
    {
        // The gradient of 2D Perlin noise with unit gradients and the quintic fade stays below about 2.5 per lattice
        // unit; a step of 1/1024 unit may then move the value by about 160 raw units. 256 leaves room for rounding.
        var noise = Make("continuity");
        const int step = Fixed.One / 1024;
        for (var y = 0; y < 8 * Fixed.One; y += 997)
        {
            for (var x = 0; x < 8 * Fixed.One; x += 1013)
            {
                var here = noise.Sample(x, y);
                Assert.InRange(noise.Sample(x + step, y) - here, -256, 256);
                Assert.InRange(noise.Sample(x, y + step) - here, -256, 256);
            }
        }
    }

    [Fact]
    public void Sample_IsPeriodicOver256Cells()
    {
        var noise = Make("period");
        Assert.Equal(noise.Sample(12345, 67890), noise.Sample(12345 + Fixed.FromInt(256), 67890 - Fixed.FromInt(512)));
    }

    [Fact]
    public void SameSeed_SameField_DifferentSeeds_DifferentFields()
    {
        var a = Make("alpha");
        var b = Make("alpha");
        var c = Make("beta");
        var differ = 0;
        for (var i = 0; i < 1000; i++)
        {
            int x = i * 4099, y = i * 2999;
            Assert.Equal(a.Sample(x, y), b.Sample(x, y));
            if (a.Sample(x, y) != c.Sample(x, y))
            {
                differ++;
            }
        }

        Assert.True(differ > 900, $"only {differ} of 1000 samples differ");
    }
}
