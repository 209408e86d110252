using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Tests.Numerics;

public sealed class IntegerMathTests
{
    [Fact]
    public void Sqrt_Exhaustive_BelowTwoToTheTwenty()
    {
        for (ulong n = 0; n < 1 << 20; n++)
        {
            AssertFloorRoot(n);
        }
    }

    [Fact]
    public void Sqrt_EdgeValues()
    {
        Assert.Equal(4294967295u, IntegerMath.Sqrt(ulong.MaxValue));
        for (ulong r = 1; r < 1 << 16; r = (r * 3) + 1)
        {
            AssertFloorRoot(r * r);
            AssertFloorRoot((r * r) - 1);
            AssertFloorRoot((r * r) + 1);
        }

        for (var bit = 0; bit < 64; bit++)
        {
            var p = 1UL << bit;
            AssertFloorRoot(p);
            AssertFloorRoot(p - 1);
            AssertFloorRoot(p + 1);
        }

        const ulong top = 4294967295UL;
        AssertFloorRoot(top * top);
        AssertFloorRoot((top * top) - 1);
        AssertFloorRoot(ulong.MaxValue - 1);
    }

    [Fact]
    public void Sqrt_RandomValues_AreFloorRoots()
    {
        var rng = ChaChaRng.ForStage("isqrt"u8, "test");
        for (var i = 0; i < 200_000; i++)
        {
            var n = rng.NextUInt64() >> rng.NextInt(64);
            AssertFloorRoot(n);
        }
    }

    private static void AssertFloorRoot(ulong n)
    {
        // UInt128 so (r + 1)² cannot overflow at r = 2^32 − 1.
        UInt128 r = IntegerMath.Sqrt(n);
        Assert.True(r * r <= n, $"isqrt({n}) = {r} is too big");
        Assert.True((r + 1) * (r + 1) > n, $"isqrt({n}) = {r} is too small");
    }
}
