using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Rendering;

/// <summary>
/// The colour of one cell on one map layer, before overlays: tints, biome colours, faction fills and borders, lakes,
/// and an integer hillshade. Layers that need a stage which has not run fall back to what exists (biomes to elevation
/// tints, factions to neutral land), so every world renders. Read-only after construction, so rows shade in parallel.
/// </summary>
internal sealed class MapShader
{
    // Hillshade: light from the north-west at 45° (unit vector (-128, -128, 181)/256). Slopes are scaled by the world
    // side so a 256² and a 4096² world of one seed shade alike (the heightmap's slopes scale with size the same way).
    private const int LightXY = 128;
    private const int LightZ = 181;
    private const int NormalZ = 256;
    private const int ReliefDivisor = 2400;

    private readonly Heightmap _height;
    private readonly BiomeMap? _biomes;
    private readonly Hydrology? _hydrology;
    private readonly RegionMap? _regions;
    private readonly MapLayer _layer;
    private readonly int _side;
    private readonly int _sea;
    private readonly Rgb[] _regionFill;
    private readonly Rgb[] _regionEdge;
    private readonly int[] _regionFaction;

    public MapShader(ForgeWorld world, MapLayer layer)
    {
        _height = world.Heightmap ?? throw new ArgumentException("The world has no heightmap to render.", nameof(world));
        _biomes = world.Biomes;
        _hydrology = world.Hydrology;
        _regions = world.RegionMap;
        _layer = layer;
        _side = Math.Max(world.Width, world.Height);
        _sea = _height.SeaLevel;

        // Index 0 is "no region"; region i (1-based) takes the colour of the faction holding it.
        var factions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < world.Factions.Count; i++)
        {
            factions.TryAdd(world.Factions[i].Id, i);
        }

        _regionFill = new Rgb[world.Regions.Count + 1];
        _regionEdge = new Rgb[world.Regions.Count + 1];
        _regionFaction = new int[world.Regions.Count + 1];
        _regionFill[0] = MapPalette.Unclaimed;
        _regionEdge[0] = MapPalette.Unclaimed.Scale(200);
        _regionFaction[0] = -1;
        for (var r = 1; r <= world.Regions.Count; r++)
        {
            var faction = factions.GetValueOrDefault(world.Regions[r - 1].FactionId, -1);
            _regionFaction[r] = faction;
            var colour = faction < 0 ? MapPalette.Unclaimed : Rgb.FromHex(world.Factions[faction].Color);
            _regionFill[r] = colour.Mix(MapPalette.Paper, 92);
            _regionEdge[r] = colour.Scale(120);
        }
    }

    /// <summary>The colour of cell (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public Rgb Shade(int x, int y) => _layer switch
    {
        MapLayer.Height => Elevation(x, y, 220),
        MapLayer.Biomes => Biome(x, y, 170),
        MapLayer.Rivers => Lake(x, y) ?? Biome(x, y, 120).Desaturate(110).Mix(MapPalette.Paper, 70),
        MapLayer.Political => Political(x, y),
        MapLayer.Settlements => Biome(x, y, 150).Desaturate(40),
        _ => throw new ArgumentOutOfRangeException(nameof(x)),
    };

    private Rgb Elevation(int x, int y, int relief)
    {
        int h = _height[x, y];
        return h <= _sea ? MapPalette.Sea(Depth(h)) : MapPalette.Land(AboveSea(h)).Scale(Hillshade(x, y, relief));
    }

    private Rgb Biome(int x, int y, int relief)
    {
        if (_biomes is null)
        {
            return Elevation(x, y, relief);
        }

        var biome = (byte)_biomes[x, y];
        int h = _height[x, y];
        if (MapPalette.IsOpenWater(biome))
        {
            var depth = h <= _sea ? Depth(h) : 0;
            return MapPalette.Sea(biome == (byte)World.Biome.ShallowSea ? Math.Min(depth, 110) : Math.Max(depth, 140));
        }

        return MapPalette.Biome(biome).Scale(Hillshade(x, y, relief));
    }

    private Rgb? Lake(int x, int y) => _hydrology is not null && _hydrology.IsLake(x, y) ? MapPalette.Lake : null;

    private Rgb Political(int x, int y)
    {
        int h = _height[x, y];
        var region = _regions?[x, y] ?? 0;
        if ((uint)region >= (uint)_regionFill.Length)
        {
            region = 0; // an index beyond the region list (a world the document reader would refuse) draws as unclaimed
        }

        if (h <= _sea && region == 0)
        {
            return MapPalette.PoliticalShallows.Mix(MapPalette.PoliticalDeep, Math.Min(256, Depth(h) / 4));
        }

        if (Lake(x, y) is { } lake)
        {
            return lake.Mix(MapPalette.Paper, 90);
        }

        var fill = _regionFill[region];
        if (_regions is not null && region != 0)
        {
            var border = Border(x, y, region);
            if (border == 2)
            {
                return _regionEdge[region];
            }

            if (border == 1)
            {
                fill = fill.Mix(_regionEdge[region], 150);
            }
        }

        return fill.Scale(Hillshade(x, y, 90));
    }

    // 2 when a 4-neighbour belongs to another faction's region, 1 when to another region of the same faction, else 0.
    // Water (region 0) is no border: coasts stay clean.
    private int Border(int x, int y, int region)
    {
        var result = 0;
        var map = _regions!;
        Span<(int Dx, int Dy)> neighbours = [(1, 0), (0, 1), (-1, 0), (0, -1)];
        foreach (var (dx, dy) in neighbours)
        {
            int nx = x + dx, ny = y + dy;
            if ((uint)nx >= (uint)map.Width || (uint)ny >= (uint)map.Height)
            {
                continue;
            }

            var other = map[nx, ny];
            if (other <= 0 || other == region || other >= _regionFaction.Length)
            {
                continue;
            }

            if (_regionFaction[other] != _regionFaction[region])
            {
                return 2;
            }

            result = 1;
        }

        return result;
    }

    private int Depth(int h) => _sea == 0 ? 0 : (_sea - h) * 1024 / _sea;

    private int AboveSea(int h) => _sea >= 65535 ? 0 : (h - _sea) * 1024 / (65535 - _sea);

    /// <summary>
    /// Brightness factor (256 = unchanged) of a Lambertian hillshade, blended in by <paramref name="relief"/>/256.
    /// Water cells count as the sea surface, so coasts are not shaded by the sea floor.
    /// </summary>
    private int Hillshade(int x, int y, int relief)
    {
        // Sobel gradient (a 3×3 weighted difference): smoother than a central difference, so fine noise reads as
        // texture rather than crumpled paper. Edges repeat the border cell.
        int w = _height.Width, h = _height.Height;
        int xl = Math.Max(x - 1, 0), xr = Math.Min(x + 1, w - 1);
        int yu = Math.Max(y - 1, 0), yd = Math.Min(y + 1, h - 1);
        long dx = ((Surface(xr, yu) + (2L * Surface(xr, y)) + Surface(xr, yd)) - (Surface(xl, yu) + (2L * Surface(xl, y)) + Surface(xl, yd))) / 2;
        long dy = ((Surface(xl, yd) + (2L * Surface(x, yd)) + Surface(xr, yd)) - (Surface(xl, yu) + (2L * Surface(x, yu)) + Surface(xr, yu))) / 2;
        var sx = dx * _side / ReliefDivisor;
        var sy = dy * _side / ReliefDivisor;
        var dot = (LightXY * (sx + sy)) + ((long)LightZ * NormalZ);
        var length = IntegerMath.Sqrt((ulong)((sx * sx) + (sy * sy) + ((long)NormalZ * NormalZ)));
        var cosine = dot * 256 / (length * 256L);
        var relative = (int)Math.Clamp(cosine * 256 / LightZ, 96, 360);
        return 256 + ((relative - 256) * relief / 256);
    }

    private int Surface(int x, int y) => Math.Max((int)_height[x, y], _sea);
}
