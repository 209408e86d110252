using Worldloom.Forge.Core.Numerics;

namespace Worldloom.Realms.Core.Geometry;

/// <summary>Integer headings (0..4095 per turn, 0 = east, clockwise on screen since y grows south).</summary>
public static class Angles
{
    private const int EighthTurn = Trig.AnglesPerTurn / 8;

    /// <summary>The heading of the displacement (<paramref name="dx"/>, <paramref name="dy"/>), 0 for a zero vector;
    /// within one angle unit of the true heading.</summary>
    public static int Of(int dx, int dy)
    {
        if (dx == 0 && dy == 0)
        {
            return 0;
        }

        long ax = Math.Abs((long)dx);
        long ay = Math.Abs((long)dy);
        var a = ay <= ax ? Octant(ay, ax) : Trig.QuarterTurn - Octant(ax, ay);
        var angle = (dx >= 0, dy >= 0) switch
        {
            (true, true) => a,
            (false, true) => (Trig.AnglesPerTurn / 2) - a,
            (false, false) => (Trig.AnglesPerTurn / 2) + a,
            _ => Trig.AnglesPerTurn - a,
        };
        return angle & Trig.AngleMask;
    }

    /// <summary>The smallest difference between two headings, 0..2048.</summary>
    public static int Difference(int a, int b)
    {
        var d = (a - b) & Trig.AngleMask;
        return d > Trig.AnglesPerTurn / 2 ? Trig.AnglesPerTurn - d : d;
    }

    /// <summary>A step of <paramref name="length"/> sub-tiles along <paramref name="angle"/>.</summary>
    public static Vec Step(int angle, int length) =>
        new((int)(((long)Trig.Cos(angle) * length) >> 16), (int)(((long)Trig.Sin(angle) * length) >> 16));

    // The angle in [0, 1/8 turn] whose tangent is closest below num/den (num ≤ den), by bisection on the sine table.
    private static int Octant(long num, long den)
    {
        int lo = 0, hi = EighthTurn;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if ((long)Trig.Sin(mid) * den <= num * Trig.Cos(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Round to the nearer of lo and lo + 1.
        if (lo < EighthTurn)
        {
            var below = (num * Trig.Cos(lo)) - ((long)Trig.Sin(lo) * den);
            var above = ((long)Trig.Sin(lo + 1) * den) - (num * Trig.Cos(lo + 1));
            if (above < below)
            {
                lo++;
            }
        }

        return lo;
    }
}
