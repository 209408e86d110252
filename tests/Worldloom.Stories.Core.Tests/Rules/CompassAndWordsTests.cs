using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Tests.Rules;

public sealed class CompassAndWordsTests
{
    [Theory]
    [InlineData(0, -10, Compass.North)]
    [InlineData(10, -10, Compass.NorthEast)]
    [InlineData(10, -3, Compass.East)]
    [InlineData(10, 5, Compass.SouthEast)]
    [InlineData(1, 10, Compass.South)]
    [InlineData(-7, 7, Compass.SouthWest)]
    [InlineData(-10, 0, Compass.West)]
    [InlineData(-4, -9, Compass.NorthWest)]
    public void FromOffset_RowsGrowSouthwards(int dx, int dy, Compass expected) =>
        Assert.Equal(expected, CompassNames.FromOffset(dx, dy));

    [Fact]
    public void Opposite_TurnsHalfway()
    {
        Assert.Equal(Compass.South, CompassNames.Opposite(Compass.North));
        Assert.Equal(Compass.NorthWest, CompassNames.Opposite(Compass.SouthEast));
    }

    [Theory]
    [InlineData("Two muskets and a pistol.", "musket", true)]
    [InlineData("The ponies ran.", "pony", true)]
    [InlineData("A box of matches", "match", true)]
    [InlineData("Gunnar sails", "gun", false)]
    [InlineData("mobile phones everywhere", "mobile phone", true)]
    [InlineData("a mobile home", "mobile phone", false)]
    [InlineData("'Halt!' cried the guards'", "guard", true)]
    [InlineData("'Halt!'", "halt", true)]
    public void Contains_MatchesWholeWordsWithPlurals(string text, string phrase, bool expected) =>
        Assert.Equal(expected, Words.Contains(text, phrase));
}
