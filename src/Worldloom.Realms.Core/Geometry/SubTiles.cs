namespace Worldloom.Realms.Core.Geometry;

/// <summary>
/// The simulation's unit of length. A tile (one world cell) is <see cref="PerTile"/> sub-tiles, so positions and
/// speeds are integers and the same inputs give the same positions on every machine.
/// </summary>
public static class SubTiles
{
    /// <summary>Bits of a position below the tile.</summary>
    public const int Shift = 8;

    /// <summary>Sub-tiles per tile.</summary>
    public const int PerTile = 1 << Shift;

    /// <summary>The sub-tile position of the centre of tile <paramref name="tile"/>.</summary>
    public static int CentreOf(int tile) => (tile << Shift) + (PerTile / 2);

    /// <summary>The tile a sub-tile position lies in (floor, also for negative positions).</summary>
    public static int TileOf(int subTiles) => subTiles >> Shift;
}
