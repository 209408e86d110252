using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Spatial;

namespace Worldloom.Realms.Core.Tests.Spatial;

public sealed class SpatialGridTests
{
    [Fact]
    public void Query_MatchesABruteForceScan_AndSurvivesClearAndGrowth()
    {
        var rng = new ChaChaRng(new byte[32]);
        var grid = new SpatialGrid(100, 60);
        for (var round = 0; round < 3; round++)
        {
            grid.Clear();
            var points = Enumerable.Range(0, 500 * (round + 1)).Select(_ => new Vec(rng.NextInt(-300, 100 * 256 + 300), rng.NextInt(-300, 60 * 256 + 300))).ToList();
            for (var i = 0; i < points.Count; i++)
            {
                grid.Add(i, points[i]);
            }

            var found = new List<int>();
            for (var q = 0; q < 100; q++)
            {
                var centre = new Vec(rng.NextInt(100 * 256), rng.NextInt(60 * 256));
                var radius = rng.NextInt(0, 40 * 256);
                found.Clear();
                grid.Query(centre, radius, found);
                found.Sort();

                Assert.Equal(Enumerable.Range(0, points.Count).Where(i => points[i].IsWithin(centre, radius)), found);
            }

            Assert.Equal(points.Count, grid.Count);
        }
    }
}
