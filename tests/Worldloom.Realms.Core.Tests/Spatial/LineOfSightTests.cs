using Worldloom.Realms.Core.Spatial;
using Worldloom.Realms.Core.Tests.Simulation;

namespace Worldloom.Realms.Core.Tests.Spatial;

public sealed class LineOfSightTests
{
    [Fact]
    public void IsClear_OpenGround_BothWays()
    {
        var map = new TestMap().Build();

        Assert.True(LineOfSight.IsClear(map, 2, 3, 20, 9));
        Assert.True(LineOfSight.IsClear(map, 20, 9, 2, 3));
        Assert.True(LineOfSight.IsClear(map, 4, 4, 4, 4));
    }

    [Fact]
    public void IsClear_BlockedTileOnTheLine_OrAtAnEnd_IsNot()
    {
        var map = new TestMap().Block(10, 5).Build();

        Assert.False(LineOfSight.IsClear(map, 5, 5, 15, 5));
        Assert.False(LineOfSight.IsClear(map, 15, 5, 5, 5));
        Assert.False(LineOfSight.IsClear(map, 10, 5, 10, 9));
        Assert.True(LineOfSight.IsClear(map, 5, 6, 15, 6));
    }

    [Fact]
    public void IsClear_LeavingTheZone_IsNot()
    {
        Assert.False(LineOfSight.IsClear(new TestMap().Build(), 5, 5, 40, 5));
    }
}
