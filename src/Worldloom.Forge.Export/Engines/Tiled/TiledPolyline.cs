using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>
/// A cell path (road or river) as a polyline through tile centres. Steps that stay in one tile (grids scaled down
/// from big worlds) and vertices in the middle of a straight run are left out, so long rivers stay short files.
/// </summary>
internal static class TiledPolyline
{
    public static IReadOnlyList<TiledPoint> Through(IReadOnlyList<GridPoint> path, ExportGrid grid)
    {
        var points = new List<TiledPoint>(path.Count);
        foreach (var cell in path)
        {
            var point = TiledMap.Centre(grid.ToTile(cell));
            if (points.Count > 0 && points[^1] == point)
            {
                continue;
            }

            if (points.Count >= 2 && Straight(points[^2], points[^1], point))
            {
                points[^1] = point;
                continue;
            }

            points.Add(point);
        }

        return points;
    }

    // b lies on the segment a-c going the same way: the cross product is zero and the two steps point alike.
    private static bool Straight(TiledPoint a, TiledPoint b, TiledPoint c)
    {
        long dx1 = b.X - a.X, dy1 = b.Y - a.Y, dx2 = c.X - b.X, dy2 = c.Y - b.Y;
        return (dx1 * dy2) - (dy1 * dx2) == 0 && (dx1 * dx2) + (dy1 * dy2) > 0;
    }
}
