using Worldloom.Forge.Core.Numerics;

namespace Worldloom.Forge.Tests.Numerics;

public sealed class FixedTests
{
    [Theory]
    [InlineData(3, 2, 6)]
    [InlineData(-3, 2, -6)]
    [InlineData(0, 5, 0)]
    public void Mul_Integers_AreExact(int a, int b, int expected) =>
        Assert.Equal(Fixed.FromInt(expected), Fixed.Mul(Fixed.FromInt(a), Fixed.FromInt(b)));

    [Fact]
    public void Mul_Tie_RoundsTowardPositiveInfinity()
    {
        // 1 × 0.5 ulp-wise: raw 1 × raw 32768 = 0.5 raw unit, a tie.
        Assert.Equal(1, Fixed.Mul(1, Fixed.Half));
        Assert.Equal(0, Fixed.Mul(-1, Fixed.Half));
    }

    [Fact]
    public void Div_RoundsToNearest_TiesAwayFromZero()
    {
        Assert.Equal(Fixed.Half, Fixed.Div(1, 2));
        Assert.Equal(21845, Fixed.Div(1, 3)); // 0.333… × 65536 = 21845.33
        Assert.Equal(43691, Fixed.Div(2, 3)); // 43690.67
        Assert.Equal(-43691, Fixed.Div(-2, 3));
        Assert.Equal(1, Fixed.Div(1, 2 * Fixed.One)); // exactly 0.5 raw: tie away from zero
        Assert.Equal(-1, Fixed.Div(-1, 2 * Fixed.One));
    }

    [Fact]
    public void Div_ByZero_Throws() => Assert.Throws<DivideByZeroException>(() => Fixed.Div(Fixed.One, 0));

    [Fact]
    public void Lerp_Endpoints_AreExact()
    {
        Assert.Equal(-12345, Fixed.Lerp(-12345, 98765, 0));
        Assert.Equal(98765, Fixed.Lerp(-12345, 98765, Fixed.One));
        Assert.Equal(Fixed.FromInt(5), Fixed.Lerp(0, Fixed.FromInt(10), Fixed.Half));
    }

    [Fact]
    public void FadeAndSmoothstep_FixEndpointsAndMiddle_AndAreMonotone()
    {
        Assert.Equal(0, Fixed.Fade(0));
        Assert.Equal(Fixed.One, Fixed.Fade(Fixed.One));
        Assert.Equal(Fixed.Half, Fixed.Fade(Fixed.Half));
        Assert.Equal(0, Fixed.Smoothstep(0));
        Assert.Equal(Fixed.One, Fixed.Smoothstep(Fixed.One));
        Assert.Equal(Fixed.Half, Fixed.Smoothstep(Fixed.Half));
        Assert.Equal(Fixed.One, Fixed.Fade(5 * Fixed.One));
        Assert.Equal(0, Fixed.Smoothstep(-Fixed.One));

        for (var t = 1; t <= Fixed.One; t++)
        {
            Assert.True(Fixed.Fade(t) >= Fixed.Fade(t - 1));
            Assert.True(Fixed.Smoothstep(t) >= Fixed.Smoothstep(t - 1));
        }
    }

    [Fact]
    public void Fade_IsSymmetric_AboutTheMiddle()
    {
        // fade(1 − t) = 1 − fade(t) holds exactly for the real polynomial; one rounding may cost one unit at ties.
        for (var t = 0; t <= Fixed.One; t++)
        {
            Assert.InRange(Fixed.Fade(Fixed.One - t) + Fixed.Fade(t) - Fixed.One, 0, 1);
        }
    }
}
