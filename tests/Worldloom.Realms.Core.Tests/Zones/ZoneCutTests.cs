using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Zones;

public sealed class ZoneCutTests
{
    [Theory]
    [InlineData(256, 256, 128, 2, 2)]
    [InlineData(320, 200, 128, 3, 2)]
    [InlineData(64, 64, 128, 1, 1)]
    public void Grid_CoversTheWorld(int width, int height, int size, int columns, int rows) =>
        Assert.Equal((columns, rows), ZoneCut.Grid(width, height, size));

    [Fact]
    public void Cut_FollowsTheWorldsLayers()
    {
        var world = TestWorlds.Get("realm test");
        var heights = world.Heightmap!;
        var hydrology = world.Hydrology!;
        foreach (var key in Keys(world))
        {
            var map = ZoneCut.Cut(world, key);
            Assert.Equal(key.X * 128, map.OriginX);
            for (var y = 0; y < map.Height; y++)
            {
                for (var x = 0; x < map.Width; x++)
                {
                    var wx = map.OriginX + x;
                    var wy = map.OriginY + y;
                    var water = !heights.IsLand(wx, wy) || hydrology.IsLake(wx, wy);
                    Assert.Equal(water, !map.IsWalkable(x, y));
                    Assert.Equal((byte)world.Biomes![wx, wy], map.Biomes[(y * map.Width) + x]);
                }
            }
        }
    }

    [Fact]
    public void Cut_MakesRoadsQuickAndRiversSlow()
    {
        var world = TestWorlds.Get("realm test");
        var map = ZoneCut.Cut(world, new ZoneKey(0, 0), 256);
        var settlements = world.Settlements.Select(s => s.Location).ToHashSet();
        var road = world.Roads.SelectMany(r => r.Path).First(c => !settlements.Contains(c));
        Assert.True(map.CostAt(road.X, road.Y) < ZoneMap.NormalCost);
        var river = world.Hydrology!.Rivers.SelectMany(r => r.Path.Take(r.Path.Count - 1))
            .First(c => !settlements.Contains(c) && !world.Roads.Any(r => r.Path.Contains(c)));
        Assert.True(map.CostAt(river.X, river.Y) > 200);
    }

    [Fact]
    public void Cut_PutsSpawnsOnWalkableTilesOfTheZone()
    {
        var world = TestWorlds.Get("realm test");
        foreach (var key in Keys(world))
        {
            var map = ZoneCut.Cut(world, key);
            Assert.Contains(map.Spawns, s => s.ForPlayers);
            foreach (var spawn in map.Spawns)
            {
                Assert.True(map.IsWalkable(spawn.TileX, spawn.TileY), $"{spawn} in zone {key}");
            }

            var settlementSpawns = map.Spawns.Where(s => s.Kind == SpawnPoint.Settlement).Select(s => s.Id);
            var inside = world.Settlements.Where(s => s.Location.X / 128 == key.X && s.Location.Y / 128 == key.Y).Select(s => s.Id);
            Assert.Equal(inside.Order(), settlementSpawns.Order());
        }
    }

    [Fact]
    public void Cut_LinksNeighboursBothWays()
    {
        var world = TestWorlds.Get("realm test");
        var maps = Keys(world).ToDictionary(k => k, k => ZoneCut.Cut(world, k));
        Assert.Contains(maps.Values, m => m.Exits.Count > 0);
        foreach (var map in maps.Values)
        {
            foreach (var exit in map.Exits)
            {
                var back = maps[exit.Target].Exits.Single(e => e.Target == map.Key);
                Assert.Equal((ZoneEdge)(((int)exit.Edge + 2) % 4), back.Edge);
            }
        }
    }

    [Fact]
    public void Cut_KeepsSpeciesOfTheZonesBiomes()
    {
        var world = TestWorlds.Get("realm test");
        var map = ZoneCut.Cut(world, new ZoneKey(0, 0));
        Assert.NotEmpty(map.Species);
        var biomes = Enumerable.Range(0, map.Width * map.Height).Where(i => map.Cost[i] != ZoneMap.Blocked).Select(i => (Biome)map.Biomes[i]).ToHashSet();
        Assert.All(map.Species, s => Assert.Contains(s.Biomes, biomes.Contains));
    }

    [Fact]
    public void Cut_IsDeterministic()
    {
        var a = ZoneCut.Cut(TestWorlds.Get("realm test"), new ZoneKey(1, 0));
        var b = ZoneCut.Cut(TestWorlds.Get("realm test"), new ZoneKey(1, 0));
        Assert.Equal(a.Cost.ToArray(), b.Cost.ToArray());
        Assert.Equal(a.Spawns, b.Spawns);
        Assert.Equal(a.Exits, b.Exits);
    }

    [Fact]
    public void Cut_RefusesKeysOutsideTheWorld()
    {
        var world = TestWorlds.Get("small", 64, 64);
        Assert.Throws<ArgumentOutOfRangeException>(() => ZoneCut.Cut(world, new ZoneKey(1, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZoneCut.Cut(world, new ZoneKey(0, -1)));
        var map = ZoneCut.Cut(world, new ZoneKey(0, 0));
        Assert.Equal((64, 64), (map.Width, map.Height));
        Assert.Empty(map.Exits);
        Assert.False(map.IsWalkable(new Vec(-1, 0)));
    }

    private static IEnumerable<ZoneKey> Keys(ForgeWorld world)
    {
        var (columns, rows) = ZoneCut.Grid(world.Width, world.Height);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                yield return new ZoneKey(x, y);
            }
        }
    }
}
