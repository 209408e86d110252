using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Rendering;

/// <summary>
/// Renders a world as a map image: whole (one pixel per cell, or scaled down to fit a thumbnail) or as 256×256 tiles
/// of a zoom pyramid for big worlds (zoom 0 fits the whole world in one tile, each zoom doubles the scale). Cells are
/// shaded in parallel rows (each output pixel averages the cells it covers), then rivers, roads and markers are drawn
/// over in output pixels. Integer arithmetic only, so a world renders to the same pixels everywhere.
/// </summary>
public static class MapRenderer
{
    /// <summary>Tile side in pixels.</summary>
    public const int TileSize = 256;

    /// <summary>
    /// The whole world as an image at one pixel per cell, or scaled down so its longer side is
    /// <paramref name="maxSide"/> pixels when that is smaller (0 = no limit). Throws <see cref="ArgumentException"/>
    /// for a world without a heightmap.
    /// </summary>
    public static RgbaImage Render(ForgeWorld world, MapLayer layer, int maxSide = 0)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSide);
        CheckLayer(layer);
        var cells = Math.Max(world.Width, world.Height);
        var span = maxSide > 0 && maxSide < cells ? maxSide : cells;
        var width = Math.Max(1, (int)((long)world.Width * span / cells));
        var height = Math.Max(1, (int)((long)world.Height * span / cells));
        return Draw(world, layer, new MapView(world.Width, world.Height, span, 0, 0, width, height));
    }

    /// <summary>The deepest zoom: the first at which a cell is at least four pixels wide.</summary>
    public static int MaxZoom(ForgeWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var cells = Math.Max(world.Width, world.Height);
        var zoom = 0;
        while ((TileSize << zoom) < cells * 4)
        {
            zoom++;
        }

        return zoom;
    }

    /// <summary>
    /// Tile (<paramref name="tx"/>, <paramref name="ty"/>) of zoom <paramref name="zoom"/>: 256×256 pixels, where the
    /// world's longer side spans 256·2^zoom pixels from the top-left; pixels beyond the world are transparent. Throws
    /// <see cref="ArgumentOutOfRangeException"/> for a zoom beyond <see cref="MaxZoom"/> or a tile outside the pyramid.
    /// </summary>
    public static RgbaImage RenderTile(ForgeWorld world, MapLayer layer, int zoom, int tx, int ty)
    {
        ArgumentNullException.ThrowIfNull(world);
        CheckLayer(layer);
        ArgumentOutOfRangeException.ThrowIfNegative(zoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zoom, MaxZoom(world));
        var tiles = 1 << zoom;
        ArgumentOutOfRangeException.ThrowIfNegative(tx);
        ArgumentOutOfRangeException.ThrowIfNegative(ty);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tx, tiles);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ty, tiles);
        return Draw(world, layer, new MapView(world.Width, world.Height, TileSize << zoom, tx * TileSize, ty * TileSize, TileSize, TileSize));
    }

    private static void CheckLayer(MapLayer layer)
    {
        if (!Enum.IsDefined(layer))
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Expected one of {string.Join(", ", MapLayerNames.All)}.");
        }
    }

    private static RgbaImage Draw(ForgeWorld world, MapLayer layer, MapView view)
    {
        var shader = new MapShader(world, layer);
        var image = new RgbaImage(view.Width, view.Height);
        var pixels = image.Buffer;

        // Each output row reads only cells and writes only its own pixels, so rows shade in parallel without changing a byte.
        Parallel.For(0, view.Height, py => ShadeRow(shader, view, pixels, py));

        var overlay = new MapOverlay(image, view);
        switch (layer)
        {
            case MapLayer.Rivers when world.Hydrology is { } hydrology:
                overlay.Rivers(hydrology);
                break;
            case MapLayer.Political:
                overlay.PoliticalMarkers(world.Settlements, world.Factions);
                break;
            case MapLayer.Settlements:
                overlay.Roads(world.Roads);
                overlay.SettlementMarkers(world.Settlements);
                break;
        }

        return image;
    }

    private static void ShadeRow(MapShader shader, MapView view, byte[] pixels, int py)
    {
        if (!view.RowCells(py, out var y0, out var y1))
        {
            return;
        }

        for (var px = 0; px < view.Width; px++)
        {
            if (!view.ColumnCells(px, out var x0, out var x1))
            {
                continue;
            }

            var c = view.Magnified ? Bilinear(shader, view, px, py) : Average(shader, x0, x1, y0, y1);
            var i = ((py * view.Width) + px) * 4;
            pixels[i] = (byte)c.R;
            pixels[i + 1] = (byte)c.G;
            pixels[i + 2] = (byte)c.B;
            pixels[i + 3] = 255;
        }
    }

    // Scaled down (or 1:1): the mean colour of the cells under the pixel, rounded.
    private static Rgb Average(MapShader shader, int x0, int x1, int y0, int y1)
    {
        long r = 0, g = 0, b = 0, n = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var c = shader.Shade(x, y);
                r += c.R;
                g += c.G;
                b += c.B;
                n++;
            }
        }

        return new Rgb((int)((r + (n / 2)) / n), (int)((g + (n / 2)) / n), (int)((b + (n / 2)) / n));
    }

    // Zoomed in past one pixel per cell: blend the four cells around the pixel centre, so terrain reads smooth rather
    // than as blocks.
    private static Rgb Bilinear(MapShader shader, MapView view, int px, int py)
    {
        long sx = view.SampleX(px), sy = view.SampleY(py);
        int cx = (int)(sx >> 8), cy = (int)(sy >> 8), fx = (int)(sx & 255), fy = (int)(sy & 255);
        int xa = Math.Clamp(cx, 0, view.WorldWidth - 1), xb = Math.Clamp(cx + 1, 0, view.WorldWidth - 1);
        int ya = Math.Clamp(cy, 0, view.WorldHeight - 1), yb = Math.Clamp(cy + 1, 0, view.WorldHeight - 1);
        var top = shader.Shade(xa, ya).Mix(shader.Shade(xb, ya), fx);
        var bottom = shader.Shade(xa, yb).Mix(shader.Shade(xb, yb), fx);
        return top.Mix(bottom, fy);
    }
}
