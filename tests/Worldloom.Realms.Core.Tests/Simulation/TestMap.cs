using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Tests.Simulation;

/// <summary>A hand-made zone for simulation tests: all tiles normal ground unless blocked or costed otherwise.</summary>
internal sealed class TestMap
{
    private readonly byte[] _cost;
    private readonly List<SpawnPoint> _spawns = [];
    private readonly List<ZoneExit> _exits = [];
    private readonly List<Species> _species = [];

    public TestMap(int width = 32, int height = 32, ZoneKey? key = null)
    {
        Width = width;
        Height = height;
        Key = key ?? new ZoneKey(1, 1);
        _cost = new byte[width * height];
        Array.Fill(_cost, ZoneMap.NormalCost);
    }

    public int Width { get; }

    public int Height { get; }

    public ZoneKey Key { get; }

    public static Species Wolf => new()
    {
        Id = "species-1",
        Name = "Grey Wolf",
        Family = "wolf",
        Biomes = [Biome.Grassland],
        Stats = new SpeciesStats(60, 10, 4, 55, 14),
        Behaviours = ["pack_hunter"],
        Genes = [],
        Threat = 4,
    };

    public static Species Bear => new()
    {
        Id = "species-2",
        Name = "Cave Bear",
        Family = "bear",
        Biomes = [Biome.Grassland],
        Stats = new SpeciesStats(180, 22, 12, 35, 10),
        Behaviours = ["solitary"],
        Genes = [],
        Threat = 6,
    };

    public TestMap Cost(int x, int y, byte cost)
    {
        _cost[(y * Width) + x] = cost;
        return this;
    }

    public TestMap Block(int x, int y) => Cost(x, y, ZoneMap.Blocked);

    public TestMap BlockColumn(int x)
    {
        for (var y = 0; y < Height; y++)
        {
            Block(x, y);
        }

        return this;
    }

    public TestMap Spawn(string kind, int x, int y)
    {
        _spawns.Add(new SpawnPoint($"{kind}-{_spawns.Count}", kind, kind, x, y));
        return this;
    }

    public TestMap Exit(ZoneEdge edge)
    {
        _exits.Add(new ZoneExit(edge, Key.Towards(edge)));
        return this;
    }

    public TestMap With(Species species)
    {
        _species.Add(species);
        return this;
    }

    public ZoneMap Build() => new(
        Key, Key.X * 128, Key.Y * 128, Width, Height, (byte[])_cost.Clone(), new byte[Width * Height],
        new ushort[Width * Height], _spawns.ToList(), _exits.ToList(), _species.ToList());
}
