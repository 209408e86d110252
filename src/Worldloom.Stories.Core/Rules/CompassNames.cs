using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Rules;

/// <summary>Wire names of <see cref="Compass"/> and the arithmetic rules and vistas need.</summary>
public static class CompassNames
{
    /// <summary>The names: north, northeast, east, southeast, south, southwest, west, northwest.</summary>
    public static readonly WireNames<Compass> Names =
        new("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest");

    /// <summary>The direction pointing the other way.</summary>
    public static Compass Opposite(Compass direction) => (Compass)(((int)direction + 4) & 7);

    /// <summary>The north (+1), south (−1) or neither (0) part of a direction.</summary>
    public static int NorthSouth(Compass direction) => direction switch
    {
        Compass.North or Compass.NorthEast or Compass.NorthWest => 1,
        Compass.South or Compass.SouthEast or Compass.SouthWest => -1,
        _ => 0,
    };

    /// <summary>The east (+1), west (−1) or neither (0) part of a direction.</summary>
    public static int EastWest(Compass direction) => direction switch
    {
        Compass.East or Compass.NorthEast or Compass.SouthEast => 1,
        Compass.West or Compass.NorthWest or Compass.SouthWest => -1,
        _ => 0,
    };

    /// <summary>
    /// The direction from a point to another <paramref name="dx"/> cells east and <paramref name="dy"/> cells south
    /// (map rows grow southwards), by integer slopes: a step counts as diagonal when the smaller offset is at least
    /// 5/12 of the larger (tan 22.5° ≈ 0.414).
    /// </summary>
    public static Compass FromOffset(int dx, int dy)
    {
        if (dx == 0 && dy == 0)
        {
            throw new ArgumentException("The two points are one.", nameof(dx));
        }

        var ax = Math.Abs((long)dx);
        var ay = Math.Abs((long)dy);
        var vertical = ay * 12 >= ax * 5 ? (dy < 0 ? 1 : -1) : 0;
        var horizontal = ax * 12 >= ay * 5 ? (dx > 0 ? 1 : -1) : 0;
        return (vertical, horizontal) switch
        {
            (1, 0) => Compass.North,
            (1, 1) => Compass.NorthEast,
            (0, 1) => Compass.East,
            (-1, 1) => Compass.SouthEast,
            (-1, 0) => Compass.South,
            (-1, -1) => Compass.SouthWest,
            (0, -1) => Compass.West,
            _ => Compass.NorthWest,
        };
    }
}
