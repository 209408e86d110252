using Worldloom.Forge.Core.World;

namespace Worldloom.Realms.Core.Zones;

/// <summary>
/// Cuts a zone out of a Forge world. Walkability and movement cost follow from the world's layers: open water, lakes
/// and sea ice are blocked; rivers can be waded slowly; roads and settlements are quick; each biome has its own cost
/// and steep ground adds to it. Pure: the same world and key give the same map.
/// </summary>
public static class ZoneCut
{
    /// <summary>Tiles per side of a zone unless a realm says otherwise (the last row and column may be narrower).</summary>
    public const int DefaultSize = 128;

    /// <summary>Smallest zone side accepted.</summary>
    public const int MinSize = 16;

    /// <summary>Largest zone side accepted (positions must fit the snapshot codec).</summary>
    public const int MaxSize = 256;

    private const byte RiverCost = 250;
    private const byte RoadCost = 70;
    private const byte SettlementCost = 80;
    private const int SpawnSearchRadius = 6;

    /// <summary>How many zone columns and rows a world of the given size has.</summary>
    public static (int Columns, int Rows) Grid(int worldWidth, int worldHeight, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, MinSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        return ((worldWidth + size - 1) / size, (worldHeight + size - 1) / size);
    }

    /// <summary>Cuts zone <paramref name="key"/> from <paramref name="world"/>, which must be fully generated.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The key lies outside the world's grid of zones.</exception>
    public static ZoneMap Cut(ForgeWorld world, ZoneKey key, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(world);
        var (columns, rows) = Grid(world.Width, world.Height, size);
        if ((uint)key.X >= (uint)columns || (uint)key.Y >= (uint)rows)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, $"The world has {columns} × {rows} zones.");
        }

        var ground = new Ground(world);
        var originX = key.X * size;
        var originY = key.Y * size;
        var width = Math.Min(size, world.Width - originX);
        var height = Math.Min(size, world.Height - originY);
        var cost = new byte[width * height];
        var biomes = new byte[width * height];
        var heights = new ushort[width * height];
        var landBiomes = new HashSet<Biome>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                cost[i] = ground.Cost(originX + x, originY + y);
                var biome = ground.Biomes[originX + x, originY + y];
                biomes[i] = (byte)biome;
                heights[i] = ground.Heights[originX + x, originY + y];
                if (cost[i] != ZoneMap.Blocked)
                {
                    landBiomes.Add(biome);
                }
            }
        }

        var spawns = Spawns(world, originX, originY, width, height, cost);
        var exits = new List<ZoneExit>();
        foreach (var edge in (ReadOnlySpan<ZoneEdge>)[ZoneEdge.North, ZoneEdge.East, ZoneEdge.South, ZoneEdge.West])
        {
            var target = key.Towards(edge);
            if ((uint)target.X < (uint)columns && (uint)target.Y < (uint)rows && HasCrossing(ground, edge, originX, originY, width, height))
            {
                exits.Add(new ZoneExit(edge, target));
            }
        }

        var species = world.Bestiary.Where(s => s.Biomes.Any(landBiomes.Contains)).ToList();
        return new ZoneMap(key, originX, originY, width, height, cost, biomes, heights, spawns, exits, species);
    }

    /// <summary>Whether some walkable tile of the edge faces a walkable world cell across it.</summary>
    private static bool HasCrossing(Ground ground, ZoneEdge edge, int originX, int originY, int width, int height)
    {
        var along = edge is ZoneEdge.North or ZoneEdge.South ? width : height;
        for (var i = 0; i < along; i++)
        {
            var (x, y, dx, dy) = edge switch
            {
                ZoneEdge.North => (originX + i, originY, 0, -1),
                ZoneEdge.South => (originX + i, originY + height - 1, 0, 1),
                ZoneEdge.West => (originX, originY + i, -1, 0),
                _ => (originX + width - 1, originY + i, 1, 0),
            };
            if (ground.Cost(x, y) != ZoneMap.Blocked && ground.Cost(x + dx, y + dy) != ZoneMap.Blocked)
            {
                return true;
            }
        }

        return false;
    }

    private static List<SpawnPoint> Spawns(ForgeWorld world, int originX, int originY, int width, int height, byte[] cost)
    {
        var spawns = new List<SpawnPoint>();
        foreach (var settlement in world.Settlements)
        {
            Add(settlement.Id, settlement.Name, SpawnPoint.Settlement, settlement.Location, SpawnSearchRadius);
        }

        if (spawns.Count == 0)
        {
            var centre = new GridPoint(originX + (width / 2), originY + (height / 2));
            Add(SpawnPoint.Centre, "Centre", SpawnPoint.Centre, centre, Math.Max(width, height));
        }

        foreach (var poi in world.PointsOfInterest)
        {
            Add(poi.Id, poi.Name, poi.Kind, poi.Location, SpawnSearchRadius);
        }

        return spawns;

        void Add(string id, string name, string kind, GridPoint at, int radius)
        {
            var localX = at.X - originX;
            var localY = at.Y - originY;
            if (kind != SpawnPoint.Centre && ((uint)localX >= (uint)width || (uint)localY >= (uint)height))
            {
                return;
            }

            if (NearestWalkable(cost, width, height, localX, localY, radius) is { } tile)
            {
                spawns.Add(new SpawnPoint(id, name, kind, tile.X, tile.Y));
            }
        }
    }

    /// <summary>The walkable tile nearest (x, y) by ring, scanning each ring in a fixed order, within the radius.</summary>
    private static GridPoint? NearestWalkable(byte[] cost, int width, int height, int x, int y, int radius)
    {
        for (var r = 0; r <= radius; r++)
        {
            GridPoint? best = null;
            var bestDistance = long.MaxValue;
            for (var dy = -r; dy <= r; dy++)
            {
                for (var dx = -r; dx <= r; dx++)
                {
                    if (Math.Max(Math.Abs(dx), Math.Abs(dy)) != r)
                    {
                        continue;
                    }

                    var tx = x + dx;
                    var ty = y + dy;
                    var distance = ((long)dx * dx) + ((long)dy * dy);
                    if ((uint)tx < (uint)width && (uint)ty < (uint)height && cost[(ty * width) + tx] != ZoneMap.Blocked && distance < bestDistance)
                    {
                        best = new GridPoint(tx, ty);
                        bestDistance = distance;
                    }
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>The world's layers as movement costs per world cell.</summary>
    private sealed class Ground
    {
        private readonly ForgeWorld _world;
        private readonly HashSet<int> _rivers = [];
        private readonly HashSet<int> _roads = [];
        private readonly HashSet<int> _settlements = [];

        public Ground(ForgeWorld world)
        {
            _world = world;
            Heights = ForgeWorld.Require(world.Heightmap, "heightmap");
            Biomes = ForgeWorld.Require(world.Biomes, "biomes");
            Hydrology = ForgeWorld.Require(world.Hydrology, "hydrology");
            foreach (var river in Hydrology.Rivers)
            {
                foreach (var cell in river.Path)
                {
                    _rivers.Add(Index(cell));
                }
            }

            foreach (var road in world.Roads)
            {
                foreach (var cell in road.Path)
                {
                    _roads.Add(Index(cell));
                }
            }

            foreach (var settlement in world.Settlements)
            {
                _settlements.Add(Index(settlement.Location));
            }
        }

        public Heightmap Heights { get; }

        public BiomeMap Biomes { get; }

        public Hydrology Hydrology { get; }

        public byte Cost(int x, int y)
        {
            if ((uint)x >= (uint)_world.Width || (uint)y >= (uint)_world.Height || !Heights.IsLand(x, y) || Hydrology.IsLake(x, y))
            {
                return ZoneMap.Blocked;
            }

            var biome = Biomes[x, y];
            var baseCost = BiomeCost(biome);
            if (baseCost == ZoneMap.Blocked)
            {
                return ZoneMap.Blocked;
            }

            var index = (y * _world.Width) + x;
            if (_settlements.Contains(index))
            {
                return SettlementCost;
            }

            if (_roads.Contains(index))
            {
                return RoadCost;
            }

            if (_rivers.Contains(index))
            {
                return RiverCost;
            }

            // Steep ground is slower: the largest height step to a 4-neighbour adds up to 100 to the cost.
            var slope = 0;
            var here = Heights[x, y];
            foreach (var (nx, ny) in (ReadOnlySpan<(int, int)>)[(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)])
            {
                if ((uint)nx < (uint)_world.Width && (uint)ny < (uint)_world.Height)
                {
                    slope = Math.Max(slope, Math.Abs(Heights[nx, ny] - here));
                }
            }

            return (byte)Math.Min(255, baseCost + Math.Min(100, slope / 32));
        }

        private int Index(GridPoint cell) => (cell.Y * _world.Width) + cell.X;

        private static byte BiomeCost(Biome biome) => biome switch
        {
            Biome.Ocean or Biome.ShallowSea or Biome.SeaIce => ZoneMap.Blocked,
            Biome.Beach or Biome.Grassland or Biome.Savanna => 100,
            Biome.Shrubland or Biome.Tundra => 110,
            Biome.Desert => 120,
            Biome.TemperateForest or Biome.Taiga or Biome.TropicalForest => 130,
            Biome.Snow => 140,
            Biome.TemperateRainforest or Biome.TropicalRainforest => 150,
            Biome.Alpine => 160,
            Biome.Wetland => 170,
            _ => 100,
        };
    }
}
