using Worldloom.Forge.Core.Numerics;

namespace Worldloom.Forge.Tests.Numerics;

public sealed class TrigTests
{
    [Fact]
    public void EveryAngle_IsWithinMaxErrorOfTheTrueSine()
    {
        // The platform's double sine is only the reference here, never on the generation path.
        for (var k = 0; k < Trig.AnglesPerTurn; k++)
        {
            var angle = 2 * Math.PI * k / Trig.AnglesPerTurn;
            Assert.InRange(Trig.Sin(k) - (Math.Sin(angle) * Fixed.One), -Trig.MaxError, Trig.MaxError);
            Assert.InRange(Trig.Cos(k) - (Math.Cos(angle) * Fixed.One), -Trig.MaxError, Trig.MaxError);
        }
    }

    [Fact]
    public void CardinalAngles_AreExact()
    {
        Assert.Equal(0, Trig.Sin(0));
        Assert.Equal(Fixed.One, Trig.Sin(Trig.QuarterTurn));
        Assert.Equal(0, Trig.Sin(2 * Trig.QuarterTurn));
        Assert.Equal(-Fixed.One, Trig.Sin(3 * Trig.QuarterTurn));
        Assert.Equal(Fixed.One, Trig.Cos(0));
    }

    [Fact]
    public void SinSquaredPlusCosSquared_IsOne_WithinStatedError()
    {
        // Each factor is off by at most MaxError units, so the sum of squares is off by at most about 2·2·MaxError
        // units plus rounding: 5 units of Q16.16.
        for (var k = 0; k < Trig.AnglesPerTurn; k++)
        {
            var sum = Fixed.Mul(Trig.Sin(k), Trig.Sin(k)) + Fixed.Mul(Trig.Cos(k), Trig.Cos(k));
            Assert.InRange(sum, Fixed.One - 5, Fixed.One + 5);
        }
    }

    [Fact]
    public void Symmetries_HoldExactly()
    {
        for (var k = -Trig.AnglesPerTurn; k < 2 * Trig.AnglesPerTurn; k++)
        {
            Assert.Equal(-Trig.Sin(k), Trig.Sin(-k));
            Assert.Equal(Trig.Cos(k), Trig.Cos(-k));
            Assert.Equal(Trig.Sin(k), Trig.Sin((2 * Trig.QuarterTurn) - k));
            Assert.Equal(Trig.Sin(k), Trig.Sin(k + Trig.AnglesPerTurn));
        }
    }
}
