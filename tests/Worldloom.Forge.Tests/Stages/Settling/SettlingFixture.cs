using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Settling;

/// <summary>
/// A world up to the hydrology stage for testing the settlement, road and region stages on their own: the real
/// heightmap, then simple but plausible climate, biomes and water derived from it (temperature by latitude and
/// height, biome by elevation band and temperature, a few rivers walking steepest descent to the sea, one lake).
/// The stages under test may rely only on the layer contracts, never on these rules.
/// </summary>
internal static class SettlingFixture
{
    public static ForgeWorld Build(string seed, int size = 128, WorldPreset preset = WorldPreset.Continent, int density = 50, int factions = 4, int seaLevel = 50) =>
        Build(seed, new WorldParameters { Width = size, Height = size, Preset = preset, SettlementDensity = density, FactionCount = factions, SeaLevel = seaLevel });

    public static ForgeWorld Build(string seed, WorldParameters parameters)
    {
        var world = new ForgeWorld(ForgeSeed.Parse(seed), parameters);
        new HeightmapStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, HeightmapStage.StreamName));
        var map = world.Heightmap!;
        int width = map.Width, height = map.Height, n = width * height;
        var range = Math.Max(1, ushort.MaxValue - map.SeaLevel);

        var temperature = new sbyte[n];
        var moisture = new byte[n];
        var biomes = new byte[n];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                var relative = map.IsLand(x, y) ? (int)((map[x, y] - map.SeaLevel) * 100L / range) : 0;
                // North row −15 °C, south row 30 °C, 0.4 °C colder per percent of height.
                var t = -15 + (45 * y / Math.Max(1, height - 1)) - (relative * 2 / 5);
                temperature[i] = (sbyte)Math.Clamp(t, -60, 60);
                moisture[i] = (byte)(40 + (((x * 7) + (y * 3)) % 50));
                biomes[i] = (byte)BiomeFor(map.IsLand(x, y), relative, t, moisture[i]);
            }
        }

        world.Climate = new ClimateMap(width, height, temperature, moisture);
        world.Biomes = new BiomeMap(width, height, biomes);
        world.Hydrology = Water(map);
        return world;
    }

    /// <summary>
    /// A hand-made world: flat grassland at 20 °C with no rivers, water where <paramref name="water"/> says (sea), for
    /// tests that place settlements themselves.
    /// </summary>
    public static ForgeWorld Flat(int width, int height, Func<int, int, bool>? water = null)
    {
        var world = new ForgeWorld(ForgeSeed.Parse("flat"), new WorldParameters { Width = width, Height = height });
        int n = width * height;
        var cells = new ushort[n];
        var biomes = new byte[n];
        for (var i = 0; i < n; i++)
        {
            var sea = water?.Invoke(i % width, i / width) ?? false;
            cells[i] = sea ? (ushort)10000 : (ushort)40000;
            biomes[i] = (byte)(sea ? Biome.Ocean : Biome.Grassland);
        }

        world.Heightmap = new Heightmap(width, height, 32767, cells);
        world.Climate = new ClimateMap(width, height, Enumerable.Repeat((sbyte)20, n).ToArray(), Enumerable.Repeat((byte)50, n).ToArray());
        world.Biomes = new BiomeMap(width, height, biomes);
        world.Hydrology = new Hydrology(width, height, new int[n], new int[n], [], []);
        return world;
    }

    /// <summary>A village at each of <paramref name="points"/>, ids in order, for hand-made worlds.</summary>
    public static List<Settlement> Villages(params GridPoint[] points) => points.Select((p, i) => new Settlement
    {
        Id = $"settlement-{i + 1}",
        Name = $"Village {i + 1}",
        Location = p,
        Size = SettlementSize.Village,
        Population = 500 + i,
        Culture = "imperial",
        Biome = Biome.Grassland,
    }).ToList();

    /// <summary>Runs <paramref name="stages"/> on <paramref name="world"/> in order, each on its own stream as the pipeline does.</summary>
    public static ForgeWorld Run(ForgeWorld world, params IWorldStage[] stages)
    {
        foreach (var stage in stages)
        {
            stage.Run(world, ChaChaRng.ForStage(world.Seed.Bytes, stage.Name));
        }

        return world;
    }

    /// <summary>The fixture world with settlements, roads and regions.</summary>
    public static ForgeWorld Settled(string seed, int size = 128, WorldPreset preset = WorldPreset.Continent, int density = 50, int factions = 4) =>
        Run(Build(seed, size, preset, density, factions), new SettlementStage(), new RoadStage(), new RegionStage());

    private static Biome BiomeFor(bool land, int relative, int t, int moisture) => (land, relative, t) switch
    {
        (false, _, < -5) => Biome.SeaIce,
        (false, _, _) => Biome.Ocean,
        (_, < 3, _) => Biome.Beach,
        (_, > 70, _) => Biome.Snow,
        (_, > 55, _) => Biome.Alpine,
        (_, _, < -5) => Biome.Tundra,
        (_, _, < 3) => Biome.Taiga,
        (_, _, > 24) when moisture < 55 => Biome.Desert,
        (_, _, > 24) => Biome.Savanna,
        _ when moisture > 85 => Biome.Wetland,
        _ when moisture > 65 => Biome.TemperateForest,
        _ => Biome.Grassland,
    };

    private static Hydrology Water(Heightmap map)
    {
        int width = map.Width, height = map.Height, n = width * height;
        var flow = new int[n];
        for (var i = 0; i < n; i++)
        {
            flow[i] = map.Cells[i] > map.SeaLevel ? 1 : 0;
        }

        var lakeCells = new int[n];
        var lakes = new List<Lake>();
        var lake = LakeSite(map);
        if (lake is { } centre)
        {
            var cells = 0;
            for (var y = centre.Y - 3; y <= centre.Y + 3; y++)
            {
                for (var x = centre.X - 3; x <= centre.X + 3; x++)
                {
                    if ((((x - centre.X) * (x - centre.X)) + ((y - centre.Y) * (y - centre.Y))) <= 9 && map.IsLand(x, y))
                    {
                        lakeCells[(y * width) + x] = 1;
                        cells++;
                    }
                }
            }

            lakes.Add(new Lake("lake-1", "Fixture Mere", centre, cells, map[centre.X, centre.Y]));
        }

        var rivers = new List<River>();
        var onRiver = new bool[n];
        var wanted = 2 + (Math.Max(width, height) / 64);
        var step = Math.Max(8, Math.Max(width, height) / 8);
        for (var sy = step / 2; sy < height && rivers.Count < wanted; sy += step)
        {
            for (var sx = step / 2; sx < width && rivers.Count < wanted; sx += step)
            {
                if (Descend(map, sx, sy, lakeCells, onRiver) is { Count: >= 10 } path)
                {
                    foreach (var p in path)
                    {
                        onRiver[(p.Y * width) + p.X] = true;
                    }

                    for (var k = 0; k < path.Count; k++)
                    {
                        var cell = (path[k].Y * width) + path[k].X;
                        flow[cell] = Math.Max(flow[cell], 20 * (k + 1));
                    }

                    var last = path[^1];
                    var mouth = lakeCells[(last.Y * width) + last.X] != 0 ? RiverMouth.Lake : RiverMouth.Sea;
                    rivers.Add(new River($"river-{rivers.Count + 1}", "Fixture River", path, mouth, mouth == RiverMouth.Lake ? "lake-1" : null, flow[(last.Y * width) + last.X]));
                }
            }
        }

        return new Hydrology(width, height, flow, lakeCells, rivers, lakes);
    }

    // A land cell 20–40 % up the land range with no sea within 6 cells, scanning row-major from the middle row.
    private static GridPoint? LakeSite(Heightmap map)
    {
        var range = Math.Max(1, ushort.MaxValue - map.SeaLevel);
        for (var y = map.Height / 2; y < map.Height - 8; y++)
        {
            for (var x = 8; x < map.Width - 8; x++)
            {
                var relative = (map[x, y] - map.SeaLevel) * 100L / range;
                if (relative is >= 20 and <= 40 && NoSeaNear(map, x, y, 6))
                {
                    return new GridPoint(x, y);
                }
            }
        }

        return null;
    }

    private static bool NoSeaNear(Heightmap map, int x, int y, int r)
    {
        for (var dy = -r; dy <= r; dy++)
        {
            for (var dx = -r; dx <= r; dx++)
            {
                if (!map.IsLand(x + dx, y + dy))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // Steepest descent from a land cell at least 30 % up; ends on the first sea or lake cell, null if it stalls.
    private static List<GridPoint>? Descend(Heightmap map, int x, int y, int[] lakeCells, bool[] onRiver)
    {
        var range = Math.Max(1, ushort.MaxValue - map.SeaLevel);
        if (!map.IsLand(x, y) || (map[x, y] - map.SeaLevel) * 100L / range < 30 || lakeCells[(y * map.Width) + x] != 0)
        {
            return null;
        }

        var path = new List<GridPoint> { new(x, y) };
        while (true)
        {
            int bx = -1, by = -1, best = map[x, y];
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if ((dx | dy) != 0 && nx >= 0 && ny >= 0 && nx < map.Width && ny < map.Height && map[nx, ny] < best)
                    {
                        (bx, by, best) = (nx, ny, map[nx, ny]);
                    }
                }
            }

            if (bx < 0 || onRiver[(by * map.Width) + bx])
            {
                return null;
            }

            (x, y) = (bx, by);
            path.Add(new GridPoint(x, y));
            if (!map.IsLand(x, y) || lakeCells[(y * map.Width) + x] != 0)
            {
                return path;
            }
        }
    }
}
