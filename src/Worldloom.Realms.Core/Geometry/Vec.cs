using Worldloom.Forge.Core.Numerics;

namespace Worldloom.Realms.Core.Geometry;

/// <summary>A position or displacement in sub-tiles (see <see cref="SubTiles"/>), zone-local: (0, 0) is the north-west
/// corner of the zone's first tile, x grows east and y grows south.</summary>
/// <param name="X">East-west, in sub-tiles.</param>
/// <param name="Y">North-south, in sub-tiles.</param>
public readonly record struct Vec(int X, int Y)
{
    /// <summary>The centre of tile (<paramref name="tileX"/>, <paramref name="tileY"/>).</summary>
    public static Vec AtTile(int tileX, int tileY) => new(SubTiles.CentreOf(tileX), SubTiles.CentreOf(tileY));

    /// <summary>The tile column this position lies in.</summary>
    public int TileX => SubTiles.TileOf(X);

    /// <summary>The tile row this position lies in.</summary>
    public int TileY => SubTiles.TileOf(Y);

    /// <summary>Sum.</summary>
    public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Difference.</summary>
    public static Vec operator -(Vec a, Vec b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Squared length, exact (64-bit).</summary>
    public long LengthSquared => ((long)X * X) + ((long)Y * Y);

    /// <summary>Length rounded down (integer square root).</summary>
    public int Length => (int)IntegerMath.Sqrt((ulong)LengthSquared);

    /// <summary>Whether <paramref name="other"/> lies within <paramref name="radius"/> sub-tiles (inclusive).</summary>
    public bool IsWithin(Vec other, int radius) => (this - other).LengthSquared <= (long)radius * radius;
}
