using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Zones;

/// <summary>
/// The ground of one zone, cut from a Forge world by <see cref="ZoneCut"/>: per tile a movement cost (0 = blocked),
/// the biome and the height (for drawing), plus spawn points, exits to neighbouring zones and the species that live
/// here. Immutable.
/// </summary>
public sealed class ZoneMap
{
    private readonly byte[] _cost;
    private readonly byte[] _biomes;
    private readonly ushort[] _heights;

    /// <summary>Builds a map; the arrays are taken, not copied, and must hold width × height values.</summary>
    public ZoneMap(
        ZoneKey key, int originX, int originY, int width, int height, byte[] cost, byte[] biomes, ushort[] heights,
        IReadOnlyList<SpawnPoint> spawns, IReadOnlyList<ZoneExit> exits, IReadOnlyList<Species> species)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(biomes);
        ArgumentNullException.ThrowIfNull(heights);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var cells = width * height;
        if (cost.Length != cells || biomes.Length != cells || heights.Length != cells)
        {
            throw new ArgumentException("Every layer must hold width × height values.", nameof(cost));
        }

        Key = key;
        OriginX = originX;
        OriginY = originY;
        Width = width;
        Height = height;
        _cost = cost;
        _biomes = biomes;
        _heights = heights;
        Spawns = spawns ?? throw new ArgumentNullException(nameof(spawns));
        Exits = exits ?? throw new ArgumentNullException(nameof(exits));
        Species = species ?? throw new ArgumentNullException(nameof(species));
    }

    /// <summary>The cost of a tile at normal speed; a tile of cost c is crossed at Normal / c of full speed.</summary>
    public const byte NormalCost = 100;

    /// <summary>The cost of a tile nobody can enter (water, ice).</summary>
    public const byte Blocked = 0;

    /// <summary>Which zone of its world this is.</summary>
    public ZoneKey Key { get; }

    /// <summary>World cell column of local tile column 0.</summary>
    public int OriginX { get; }

    /// <summary>World cell row of local tile row 0.</summary>
    public int OriginY { get; }

    /// <summary>Tiles per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Movement cost per tile, row-major: 0 blocked, 100 normal, more is slower, less is faster (roads).</summary>
    public ReadOnlySpan<byte> Cost => _cost;

    /// <summary>Biome per tile (<see cref="Biome"/> values), row-major.</summary>
    public ReadOnlySpan<byte> Biomes => _biomes;

    /// <summary>World height per tile (0..65535, sea level is the world's), row-major.</summary>
    public ReadOnlySpan<ushort> Heights => _heights;

    /// <summary>Spawn points, settlements first, then points of interest, in the world's order.</summary>
    public IReadOnlyList<SpawnPoint> Spawns { get; }

    /// <summary>Exits to neighbouring zones, at most one per edge.</summary>
    public IReadOnlyList<ZoneExit> Exits { get; }

    /// <summary>The world's species whose biomes occur on this zone's land, in the bestiary's order.</summary>
    public IReadOnlyList<Species> Species { get; }

    /// <summary>Width in sub-tiles.</summary>
    public int WidthSubTiles => Width << SubTiles.Shift;

    /// <summary>Height in sub-tiles.</summary>
    public int HeightSubTiles => Height << SubTiles.Shift;

    /// <summary>Whether (x, y) is a tile of this zone.</summary>
    public bool Contains(int tileX, int tileY) => (uint)tileX < (uint)Width && (uint)tileY < (uint)Height;

    /// <summary>The cost of a tile; tiles outside the zone are blocked.</summary>
    public byte CostAt(int tileX, int tileY) => Contains(tileX, tileY) ? _cost[(tileY * Width) + tileX] : Blocked;

    /// <summary>Whether a tile can be entered.</summary>
    public bool IsWalkable(int tileX, int tileY) => CostAt(tileX, tileY) != Blocked;

    /// <summary>Whether the tile under a sub-tile position can be entered.</summary>
    public bool IsWalkable(Vec position) => IsWalkable(position.TileX, position.TileY);

    /// <summary>The exit on <paramref name="edge"/>, if there is one.</summary>
    public ZoneExit? ExitAt(ZoneEdge edge)
    {
        foreach (var exit in Exits)
        {
            if (exit.Edge == edge)
            {
                return exit;
            }
        }

        return null;
    }
}
