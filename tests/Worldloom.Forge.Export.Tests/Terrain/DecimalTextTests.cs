using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Tests.Terrain;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData(127000, 504, 4, "251.9841")]
    [InlineData(204600, 1024, 4, "199.8047")]
    [InlineData(204600, 1024, 9, "199.8046875")]
    [InlineData(32767, 64, 6, "511.984375")]
    [InlineData(-100, 64, 6, "-1.5625")]
    [InlineData(1, 3, 2, "0.33")]
    [InlineData(2, 3, 2, "0.67")]
    [InlineData(-1, 1000, 2, "0")]
    [InlineData(5, 1000, 2, "0.01")]
    [InlineData(16, 2, 4, "8")]
    [InlineData(0, 7, 4, "0")]
    public void Of_Ratio_RoundsHalfAwayFromZeroAndDropsTrailingZeros(long numerator, long denominator, int places, string expected) =>
        Assert.Equal(expected, DecimalText.Of(numerator, denominator, places));
}
