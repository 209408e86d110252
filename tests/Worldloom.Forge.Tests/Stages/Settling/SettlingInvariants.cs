using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Settling;

/// <summary>Everything the settlement, road and region stages promise about any world they ran on.</summary>
internal static class SettlingInvariants
{
    public static void AssertAll(ForgeWorld world)
    {
        var land = TestLand.Of(world);
        Settlements(world, land);
        Roads(world, land);
        Regions(world, land);
        Factions(world);
    }

    public static void Settlements(ForgeWorld world, TestLand land)
    {
        var settlements = world.Settlements;
        Assert.Equal(Enumerable.Range(1, settlements.Count).Select(i => $"settlement-{i}"), settlements.Select(s => s.Id));
        Assert.Equal(settlements.Count, settlements.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var s in settlements)
        {
            Assert.True(land.IsDry(s.Location), $"{s.Id} at {s.Location} is not on dry land");
            Assert.Equal(s.Size, s.Population switch
            {
                < 100 => SettlementSize.Hamlet,
                < 1000 => SettlementSize.Village,
                < 10000 => SettlementSize.Town,
                _ => SettlementSize.City,
            });
        }

        var spacing2 = SettlementStage.MinSpacing * SettlementStage.MinSpacing;
        for (var i = 0; i < settlements.Count; i++)
        {
            for (var j = i + 1; j < settlements.Count; j++)
            {
                int dx = settlements[i].Location.X - settlements[j].Location.X, dy = settlements[i].Location.Y - settlements[j].Location.Y;
                Assert.True((dx * dx) + (dy * dy) >= spacing2, $"{settlements[i].Id} and {settlements[j].Id} too close");
            }
        }
    }

    public static void Roads(ForgeWorld world, TestLand land)
    {
        var index = world.Settlements.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var group = Enumerable.Range(0, world.Settlements.Count).ToArray();
        int Find(int i) => group[i] == i ? i : group[i] = Find(group[i]);
        Assert.Equal(Enumerable.Range(1, world.Roads.Count).Select(i => $"road-{i}"), world.Roads.Select(r => r.Id));
        foreach (var road in world.Roads)
        {
            Assert.Equal(world.Settlements[index[road.From]].Location, road.Path[0]);
            Assert.Equal(world.Settlements[index[road.To]].Location, road.Path[^1]);
            for (var i = 0; i < road.Path.Count; i++)
            {
                Assert.True(land.IsDry(road.Path[i]), $"{road.Id} crosses water at {road.Path[i]}");
                if (i > 0)
                {
                    Assert.Equal(1, Math.Max(Math.Abs(road.Path[i].X - road.Path[i - 1].X), Math.Abs(road.Path[i].Y - road.Path[i - 1].Y)));
                }
            }

            Assert.True(road.Cost > 0);
            group[Find(index[road.From])] = Find(index[road.To]);
        }

        foreach (var g in world.Settlements.Select((s, i) => (Label: land.LabelOf(s.Location), i)).GroupBy(p => p.Label))
        {
            Assert.Single(g.Select(p => Find(p.i)).Distinct());
        }
    }

    public static void Regions(ForgeWorld world, TestLand land)
    {
        var map = world.RegionMap!;
        var cells = map.Cells.ToArray();
        for (var i = 0; i < cells.Length; i++)
        {
            if (land.Dry[i])
            {
                Assert.InRange(cells[i], 1, world.Regions.Count);
            }
            else
            {
                Assert.Equal(0, cells[i]);
            }
        }

        // One pass labels the 8-connected pieces of each region: a region in one piece has exactly one label.
        var pieces = new int[world.Regions.Count + 1];
        var seen = new bool[cells.Length];
        var queue = new Queue<int>();
        for (var start = 0; start < cells.Length; start++)
        {
            if (cells[start] == 0 || seen[start])
            {
                continue;
            }

            var r = cells[start];
            pieces[r]++;
            seen[start] = true;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var c = queue.Dequeue();
                int x = c % map.Width, y = c / map.Width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        var n = (ny * map.Width) + nx;
                        if (nx >= 0 && ny >= 0 && nx < map.Width && ny < map.Height && !seen[n] && cells[n] == r)
                        {
                            seen[n] = true;
                            queue.Enqueue(n);
                        }
                    }
                }
            }
        }

        for (var r = 1; r <= world.Regions.Count; r++)
        {
            Assert.True(pieces[r] == 1, $"region-{r} has {pieces[r]} pieces");
            Assert.Equal(cells.Count(c => c == r), world.Regions[r - 1].Cells);
        }

        var regions = world.Regions.ToDictionary(r => r.Id);
        foreach (var s in world.Settlements)
        {
            var region = world.Regions[map[s.Location.X, s.Location.Y] - 1];
            Assert.Equal(region.Id, s.RegionId);
            Assert.Equal(regions[s.RegionId!].FactionId, s.FactionId);
        }
    }

    public static void Factions(ForgeWorld world)
    {
        Assert.InRange(world.Factions.Count, world.Settlements.Count == 0 ? 0 : 1, world.Parameters.FactionCount);
        foreach (var faction in world.Factions)
        {
            var capital = Assert.Single(world.Settlements, s => s.IsCapital && s.FactionId == faction.Id);
            Assert.Equal(faction.CapitalId, capital.Id);
            Assert.Equal(faction.Id, world.Regions.Single(r => r.Id == capital.RegionId).FactionId);
            Assert.Equal(world.Factions.Where(f => f.Id != faction.Id).Select(f => f.Id), faction.Relations.Select(r => r.FactionId));
            foreach (var relation in faction.Relations)
            {
                Assert.InRange(relation.Standing, -100, 100);
                Assert.Equal(RegionStage.StanceOf(relation.Standing), relation.Stance);
                Assert.Equal(relation.Standing, world.Factions.Single(f => f.Id == relation.FactionId).Relations.Single(r => r.FactionId == faction.Id).Standing);
            }
        }

        Assert.Equal(world.Factions.Count, world.Settlements.Count(s => s.IsCapital));
    }
}
