using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Spatial;

/// <summary>Whether nothing blocks the way between two tiles: every tile on the Bresenham line between them, both
/// ends included, is walkable.</summary>
public static class LineOfSight
{
    /// <summary>True when every tile from (x0, y0) to (x1, y1) on the line is walkable.</summary>
    public static bool IsClear(ZoneMap map, int x0, int y0, int x1, int y1)
    {
        ArgumentNullException.ThrowIfNull(map);
        var dx = Math.Abs(x1 - x0);
        var dy = -Math.Abs(y1 - y0);
        var sx = x0 < x1 ? 1 : -1;
        var sy = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        while (true)
        {
            if (!map.IsWalkable(x0, y0))
            {
                return false;
            }

            if (x0 == x1 && y0 == y1)
            {
                return true;
            }

            var e2 = 2 * error;
            if (e2 >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }
}
