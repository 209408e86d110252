using Worldloom.Forge.Core.Numerics;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Tests.Geometry;

public sealed class AnglesTests
{
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 1024)]
    [InlineData(-1, 0, 2048)]
    [InlineData(0, -1, 3072)]
    [InlineData(5, 5, 512)]
    [InlineData(-5, 5, 1536)]
    [InlineData(-5, -5, 2560)]
    [InlineData(5, -5, 3584)]
    [InlineData(0, 0, 0)]
    public void Of_CardinalAndDiagonalDirections(int dx, int dy, int expected)
    {
        Assert.Equal(expected, Angles.Of(dx, dy));
    }

    [Fact]
    public void Of_InvertsStep_ForEveryAngle()
    {
        for (var angle = 0; angle < Trig.AnglesPerTurn; angle++)
        {
            var v = Angles.Step(angle, 1 << 20);

            Assert.True(Angles.Difference(Angles.Of(v.X, v.Y), angle) <= 1, $"angle {angle} came back as {Angles.Of(v.X, v.Y)}");
        }
    }

    [Theory]
    [InlineData(0, 4095, 1)]
    [InlineData(100, 300, 200)]
    [InlineData(0, 2048, 2048)]
    [InlineData(4000, 100, 196)]
    public void Difference_IsTheShortWayRound(int a, int b, int expected)
    {
        Assert.Equal(expected, Angles.Difference(a, b));
        Assert.Equal(expected, Angles.Difference(b, a));
    }
}
