using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Peopling;

public sealed class SettlementIndexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    public void Nearest_MatchesBruteForce(int count)
    {
        var rng = ChaChaRng.ForStage("index"u8, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Clustered points, with repeats, so ties by distance and empty buckets both occur.
        var points = Enumerable.Range(0, count).Select(_ => new GridPoint(rng.NextInt(4) * 40 + rng.NextInt(12), rng.NextInt(300))).ToList();
        var index = new SettlementIndex(points, 200, 300);
        Span<int> nearest = stackalloc int[3];

        for (var q = 0; q < 200; q++)
        {
            var at = new GridPoint(rng.NextInt(200), rng.NextInt(300));
            var exclude = count > 0 && q % 2 == 0 ? rng.NextInt(count) : -1;
            var expected = Enumerable.Range(0, count).Where(i => i != exclude)
                .OrderBy(i => SettlementIndex.DistanceSquared(at, points[i])).ThenBy(i => i).Take(3).ToArray();

            var found = index.Nearest(at, nearest, exclude);

            Assert.Equal(expected, nearest[..found].ToArray());
        }
    }
}
