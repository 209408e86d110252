using Worldloom.Forge.Core.Stages.Settling;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Settling;

public sealed class GridPathfinderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void FindPath_MatchesDijkstra_OnRandomGrids(int seed)
    {
        var random = new System.Random(seed);
        int width = 9 + random.Next(12), height = 7 + random.Next(12);
        var costs = new int[width * height];
        for (var i = 0; i < costs.Length; i++)
        {
            costs[i] = random.Next(100) < 20 ? 0 : 3 + random.Next(40);
        }

        var finder = new GridPathfinder(width, height);
        for (var trial = 0; trial < 25; trial++)
        {
            var from = new GridPoint(random.Next(width), random.Next(height));
            var to = new GridPoint(random.Next(width), random.Next(height));
            var expected = Dijkstra(costs, width, height, from, to);

            var path = finder.FindPathWithin(costs, 3, from, to, 0, 0, width - 1, height - 1, out var cost);

            if (expected < 0)
            {
                Assert.Null(path);
                continue;
            }

            Assert.NotNull(path);
            Assert.Equal(expected, cost);
            Assert.Equal(cost, PathCost(costs, width, path));
            Assert.Equal(from, path[0]);
            Assert.Equal(to, path[^1]);
        }
    }

    [Fact]
    public void FindPath_HandMadeGrid_GoesAroundTheWallThroughTheCheapGap()
    {
        // A wall (0) down column 4 with one gap at the bottom; a dear marsh (50) at the top of column 2.
        string[] rows =
        [
            "1 1 50 1 0 1 1",
            "1 1 50 1 0 1 1",
            "1 1 1  1 0 1 1",
            "1 1 1  1 0 1 1",
            "1 1 1  1 1 1 1",
        ];
        var costs = rows.SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)).ToArray();
        var finder = new GridPathfinder(7, 5);

        var path = finder.FindPath(costs, 1, new GridPoint(0, 0), new GridPoint(6, 0), out var cost);

        Assert.NotNull(path);
        Assert.Equal(Dijkstra(costs, 7, 5, new GridPoint(0, 0), new GridPoint(6, 0)), cost);
        Assert.Contains(new GridPoint(4, 4), path);
        Assert.DoesNotContain(path, p => costs[(p.Y * 7) + p.X] == 0);
    }

    [Fact]
    public void FindPath_DiagonalStep_CostsFourteenTenths()
    {
        var costs = Enumerable.Repeat(10, 9).ToArray();
        var finder = new GridPathfinder(3, 3);

        var path = finder.FindPath(costs, 10, new GridPoint(0, 0), new GridPoint(2, 2), out var cost);

        Assert.Equal(28, cost);
        Assert.Equal([new GridPoint(0, 0), new GridPoint(1, 1), new GridPoint(2, 2)], path);
    }

    [Fact]
    public void FindPath_CutsDiagonallyPastWaterCorners_LikeAnEightConnectedLandmass()
    {
        // Two land cells touching only at a corner belong to one 8-connected landmass, so a path must exist.
        int[] costs = [10, 0, 0, 10];

        var path = new GridPathfinder(2, 2).FindPath(costs, 10, new GridPoint(0, 0), new GridPoint(1, 1), out var cost);

        Assert.Equal(2, path!.Count);
        Assert.Equal(14, cost);
    }

    [Fact]
    public void FindPath_LongDetour_OutsideTheFirstWindow_IsStillFound()
    {
        // A 200-cell-wide bay: the two ends are 4 cells apart, but the only land route goes round the far end.
        int width = 220, height = 40;
        var costs = Enumerable.Repeat(10, width * height).ToArray();
        for (var x = 0; x < 210; x++)
        {
            costs[(20 * width) + x] = 0;
        }

        var finder = new GridPathfinder(width, height);
        var path = finder.FindPath(costs, 10, new GridPoint(2, 18), new GridPoint(2, 22), out var cost);

        Assert.NotNull(path);
        Assert.Contains(path, p => p.X >= 210);
        Assert.Equal(Dijkstra(costs, width, height, new GridPoint(2, 18), new GridPoint(2, 22)), cost);
    }

    [Fact]
    public void FindPathWithin_StaysInTheWindow()
    {
        var costs = Enumerable.Repeat(10, 20 * 20).ToArray();
        costs[(5 * 20) + 5] = 0;
        var finder = new GridPathfinder(20, 20);

        var path = finder.FindPathWithin(costs, 10, new GridPoint(2, 5), new GridPoint(8, 5), 2, 5, 8, 5, out _);

        Assert.Null(path);
        path = finder.FindPathWithin(costs, 10, new GridPoint(2, 5), new GridPoint(8, 5), 2, 4, 8, 5, out _);
        Assert.NotNull(path);
        Assert.All(path, p => Assert.InRange(p.Y, 4, 5));
    }

    [Fact]
    public void FindPath_NoRoute_GivesNull()
    {
        int[] costs = [10, 0, 10, 10, 0, 10];

        Assert.Null(new GridPathfinder(3, 2).FindPath(costs, 10, new GridPoint(0, 0), new GridPoint(2, 1), out var cost));
        Assert.Equal(0, cost);
        Assert.Null(new GridPathfinder(3, 2).FindPath(costs, 10, new GridPoint(1, 0), new GridPoint(2, 1), out _));
    }

    [Fact]
    public void BadInputs_Throw()
    {
        var finder = new GridPathfinder(4, 4);
        var costs = Enumerable.Repeat(10, 16).ToArray();

        Assert.Throws<ArgumentException>(() => finder.FindPath(new int[15], 10, new GridPoint(0, 0), new GridPoint(1, 1), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.FindPath(costs, 0, new GridPoint(0, 0), new GridPoint(1, 1), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.FindPath(costs, 10, new GridPoint(4, 0), new GridPoint(1, 1), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => finder.FindPath(costs, 10, new GridPoint(0, 0), new GridPoint(1, -1), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridPathfinder(0, 4));
    }

    [Fact]
    public void ManySearches_ReuseTheArrays_WithoutStaleState()
    {
        var random = new System.Random(99);
        var costs = Enumerable.Range(0, 30 * 30).Select(_ => random.Next(10) == 0 ? 0 : 5 + random.Next(20)).ToArray();
        var finder = new GridPathfinder(30, 30);

        for (var trial = 0; trial < 200; trial++)
        {
            var from = new GridPoint(random.Next(30), random.Next(30));
            var to = new GridPoint(random.Next(30), random.Next(30));
            var path = finder.FindPath(costs, 5, from, to, out var cost);
            var fresh = new GridPathfinder(30, 30).FindPath(costs, 5, from, to, out var freshCost);

            Assert.Equal(fresh, path);
            Assert.Equal(freshCost, cost);
        }
    }

    private static int PathCost(int[] costs, int width, IReadOnlyList<GridPoint> path)
    {
        var total = 0;
        for (var i = 1; i < path.Count; i++)
        {
            var diagonal = path[i].X != path[i - 1].X && path[i].Y != path[i - 1].Y;
            Assert.Equal(1, Math.Max(Math.Abs(path[i].X - path[i - 1].X), Math.Abs(path[i].Y - path[i - 1].Y)));
            total += GridPathfinder.StepCost(costs[(path[i].Y * width) + path[i].X], diagonal);
        }

        return total;
    }

    // Reference: plain Dijkstra over all cells with a linear scan for the minimum, same step rules; -1 if unreachable.
    private static int Dijkstra(int[] costs, int width, int height, GridPoint from, GridPoint to)
    {
        var n = width * height;
        var distance = Enumerable.Repeat(int.MaxValue, n).ToArray();
        var done = new bool[n];
        var start = (from.Y * width) + from.X;
        if (costs[start] == 0 || costs[(to.Y * width) + to.X] == 0)
        {
            return -1;
        }

        distance[start] = 0;
        while (true)
        {
            var best = -1;
            for (var i = 0; i < n; i++)
            {
                if (!done[i] && distance[i] != int.MaxValue && (best < 0 || distance[i] < distance[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                return -1;
            }

            if (best == (to.Y * width) + to.X)
            {
                return distance[best];
            }

            done[best] = true;
            int x = best % width, y = best / width;
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height || costs[(ny * width) + nx] == 0)
                    {
                        continue;
                    }

                    var step = costs[(ny * width) + nx] * (dx != 0 && dy != 0 ? 14 : 10) / 10;
                    var j = (ny * width) + nx;
                    distance[j] = Math.Min(distance[j], distance[best] + step);
                }
            }
        }
    }
}
