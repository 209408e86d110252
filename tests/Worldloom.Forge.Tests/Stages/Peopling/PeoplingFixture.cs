using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Peopling;

/// <summary>
/// A world made ready for the peopling stages (NPCs, bestiary, points of interest) without the real climate, biome,
/// settlement and region stages: the real heightmap, then simple stand-ins that keep those layers' contracts.
/// Climate falls with latitude and height, moisture comes in coarse patches, biomes follow both; settlements sit on
/// land on a jittered grid with every size present; each settlement seeds a region; regions go to up to three
/// factions by longitude (west, middle, east) with symmetric relations: west–middle at war, west–east friendly,
/// middle–east rivals.
/// </summary>
internal static class PeoplingFixture
{
    /// <summary>The world of <paramref name="seed"/> through the region layer.</summary>
    public static ForgeWorld Build(string seed = "42", int size = 256, int settlementSpacing = 28, WorldPreset preset = WorldPreset.Continent)
    {
        var world = new ForgeWorld(ForgeSeed.Parse(seed), new WorldParameters { Width = size, Height = size, Preset = preset });
        Run(new HeightmapStage(), world);
        FillClimateAndBiomes(world);
        PlaceSettlements(world, settlementSpacing, ChaChaRng.ForStage(world.Seed.Bytes, "fixture/settlements"));
        GrowRegionsAndFactions(world);
        return world;
    }

    /// <summary>The world of <paramref name="seed"/> with the NPC, bestiary and POI stages run on it.</summary>
    public static ForgeWorld Populated(string seed = "42", int size = 256, int settlementSpacing = 28, WorldPreset preset = WorldPreset.Continent)
    {
        var world = Build(seed, size, settlementSpacing, preset);
        Run(new NpcStage(), world);
        Run(new BestiaryStage(), world);
        Run(new PoiStage(), world);
        return world;
    }

    /// <summary>
    /// A populated world shared by the tests that only read it (built once per seed, size and preset), so the
    /// property tests cost one build rather than one each. Never modify what this returns.
    /// </summary>
    public static ForgeWorld Shared(string seed = "42", int size = 256, WorldPreset preset = WorldPreset.Continent) =>
        Cache.GetOrAdd((seed, size, preset), key => new Lazy<ForgeWorld>(() => Populated(key.Seed, key.Size, preset: key.Preset))).Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Seed, int Size, WorldPreset Preset), Lazy<ForgeWorld>> Cache = new();

    /// <summary>Runs <paramref name="stage"/> on its own stream of the world's seed, as the pipeline does.</summary>
    public static void Run(IWorldStage stage, ForgeWorld world) => stage.Run(world, ChaChaRng.ForStage(world.Seed.Bytes, stage.Name));

    /// <summary>How far up the land range a cell stands, 0 (the shore) to 100 (the highest elevation).</summary>
    public static int LandPercent(Heightmap map, int x, int y) => (map[x, y] - map.SeaLevel) * 100 / Math.Max(1, 65535 - map.SeaLevel);

    private static void FillClimateAndBiomes(ForgeWorld world)
    {
        var map = world.Heightmap!;
        int w = world.Width, h = world.Height;
        var temperature = new sbyte[w * h];
        var moisture = new byte[w * h];
        var biomes = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var latitude = Math.Abs((2 * y) + 1 - h) * 100 / h;
            for (var x = 0; x < w; x++)
            {
                var i = (y * w) + x;
                var land = map.IsLand(x, y);
                var height = land ? LandPercent(map, x, y) : 0;
                var t = Math.Clamp(34 - (latitude * 64 / 100) - (height * 30 / 100), -60, 60);
                var m = (int)((((uint)(x / 24) * 73856093u) ^ ((uint)(y / 24) * 19349663u)) % 101u);
                temperature[i] = (sbyte)t;
                moisture[i] = (byte)m;
                biomes[i] = (byte)(land ? LandBiome(map, x, y, height, t, m) : map[x, y] > map.SeaLevel - 1500 ? Biome.ShallowSea : t < -12 ? Biome.SeaIce : Biome.Ocean);
            }
        }

        world.Climate = new ClimateMap(w, h, temperature, moisture);
        world.Biomes = new BiomeMap(w, h, biomes);
    }

    private static Biome LandBiome(Heightmap map, int x, int y, int height, int t, int m)
    {
        if (height >= 55)
        {
            return t < -4 ? Biome.Snow : Biome.Alpine;
        }

        if (height <= 2 && NearWater(map, x, y, 1))
        {
            return Biome.Beach;
        }

        if (m >= 92 && height < 12)
        {
            return Biome.Wetland;
        }

        return t switch
        {
            < -10 => Biome.Snow,
            < 0 => Biome.Tundra,
            < 8 => m > 40 ? Biome.Taiga : Biome.Tundra,
            < 20 => m switch { < 25 => Biome.Shrubland, < 50 => Biome.Grassland, < 80 => Biome.TemperateForest, _ => Biome.TemperateRainforest },
            _ => m switch { < 20 => Biome.Desert, < 45 => Biome.Savanna, < 75 => Biome.TropicalForest, _ => Biome.TropicalRainforest },
        };
    }

    private static bool NearWater(Heightmap map, int x, int y, int radius)
    {
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < map.Width && ny < map.Height && !map.IsLand(nx, ny))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void PlaceSettlements(ForgeWorld world, int spacing, ChaChaRng rng)
    {
        var map = world.Heightmap!;
        var biomes = world.Biomes!;
        var sizes = new[] { SettlementSize.City, SettlementSize.Town, SettlementSize.Village, SettlementSize.Hamlet };
        var names = new HashSet<string>(StringComparer.Ordinal);
        var settlements = new List<Settlement>();
        for (var cy = 0; cy + spacing <= world.Height; cy += spacing)
        {
            for (var cx = 0; cx + spacing <= world.Width; cx += spacing)
            {
                int x = cx + rng.NextInt(spacing), y = cy + rng.NextInt(spacing);
                if (!map.IsLand(x, y))
                {
                    continue;
                }

                // The first four placed cover every size; after that hamlets and villages are commonest.
                var roll = rng.NextInt(100);
                var size = settlements.Count < sizes.Length ? sizes[settlements.Count]
                    : roll < 45 ? SettlementSize.Hamlet : roll < 75 ? SettlementSize.Village : roll < 93 ? SettlementSize.Town : SettlementSize.City;
                var population = size switch
                {
                    SettlementSize.Hamlet => rng.NextInt(20, 100),
                    SettlementSize.Village => rng.NextInt(100, 1000),
                    SettlementSize.Town => rng.NextInt(1000, 10000),
                    _ => rng.NextInt(10000, 80000),
                };
                var coastal = NearWater(map, x, y, 2);
                var culture = Cultures.ForSite(biomes[x, y], coastal, LandPercent(map, x, y) >= 40);
                settlements.Add(new Settlement
                {
                    Id = $"settlement-{settlements.Count + 1}",
                    Name = NameGenerator.Unique(names, () => NameGenerator.PlaceName(culture, rng)),
                    Location = new GridPoint(x, y),
                    Size = size,
                    Population = population,
                    Culture = culture.Id,
                    Biome = biomes[x, y],
                    Coastal = coastal,
                });
            }
        }

        world.Settlements = settlements;
    }

    private static void GrowRegionsAndFactions(ForgeWorld world)
    {
        var map = world.Heightmap!;
        var biomes = world.Biomes!;
        var settlements = world.Settlements;
        int w = world.Width, h = world.Height;
        var cells = new int[w * h];
        var queue = new Queue<int>();
        for (var s = 0; s < settlements.Count; s++)
        {
            var at = (settlements[s].Location.Y * w) + settlements[s].Location.X;
            if (cells[at] == 0)
            {
                cells[at] = s + 1;
                queue.Enqueue(at);
            }
        }

        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            int x = at % w, y = at / w;
            foreach (var (nx, ny) in new[] { (x, y - 1), (x - 1, y), (x + 1, y), (x, y + 1) })
            {
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && map.IsLand(nx, ny) && cells[(ny * w) + nx] == 0)
                {
                    cells[(ny * w) + nx] = cells[at];
                    queue.Enqueue((ny * w) + nx);
                }
            }
        }

        // Islands without a settlement join the region of the nearest seat, so every land cell has a region.
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] == 0 && map.IsLand(i % w, i / w) && settlements.Count > 0)
            {
                var p = new GridPoint(i % w, i / w);
                cells[i] = 1 + Enumerable.Range(0, settlements.Count).MinBy(s => Distance2(settlements[s].Location, p));
            }
        }

        var factionOf = settlements.Select(s => Math.Min(2, s.Location.X * 3 / w)).ToArray();
        var used = factionOf.Distinct().Order().ToList();
        var factionIds = used.Select((f, k) => (f, id: $"faction-{k + 1}")).ToDictionary(p => p.f, p => p.id);
        var capitals = used.ToDictionary(f => f, f => Enumerable.Range(0, settlements.Count).Where(s => factionOf[s] == f).MaxBy(s => settlements[s].Population));
        world.Settlements = settlements.Select((s, k) => s with
        {
            RegionId = $"region-{k + 1}",
            FactionId = factionIds[factionOf[k]],
            IsCapital = capitals[factionOf[k]] == k,
        }).ToList();

        var counts = new int[settlements.Count + 1];
        foreach (var c in cells)
        {
            counts[c]++;
        }

        world.RegionMap = new RegionMap(w, h, cells);
        world.Regions = settlements.Select((s, k) => new Region($"region-{k + 1}", $"Vale of {s.Name}", s.Id, factionIds[factionOf[k]], s.Biome, counts[k + 1])).ToList();
        world.Factions = used.Select(f => new Faction(
            factionIds[f], $"Realm of {settlements[capitals[f]].Name}", settlements[capitals[f]].Culture, $"settlement-{capitals[f] + 1}", 0x336699 * (f + 1) & 0xFFFFFF,
            used.Where(g => g != f).Select(g => Relation(factionIds[g], f, g)).ToList())).ToList();
    }

    private static FactionRelation Relation(string otherId, int a, int b) => (Math.Min(a, b), Math.Max(a, b)) switch
    {
        (0, 1) => new FactionRelation(otherId, -80, "war"),
        (0, 2) => new FactionRelation(otherId, 40, "friendly"),
        _ => new FactionRelation(otherId, -40, "rival"),
    };

    private static long Distance2(GridPoint a, GridPoint b) => ((long)(a.X - b.X) * (a.X - b.X)) + ((long)(a.Y - b.Y) * (a.Y - b.Y));
}
