using System.Numerics;
using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Rendering;

/// <summary>
/// Vector features drawn over the shaded raster in output pixels, so they keep a readable width at any scale: rivers and
/// roads as anti-aliased polylines, settlements as dots, rings and squares. All positions and widths are in 1/256 pixel;
/// coverage is the exact distance from the pixel centre to the shape (integer square root), antialiased over one pixel.
/// Features are drawn in list order, so the same world always gives the same pixels.
/// </summary>
internal sealed class MapOverlay
{
    private const int One = 256;

    private readonly RgbaImage _image;
    private readonly MapView _view;

    public MapOverlay(RgbaImage image, MapView view)
    {
        _image = image;
        _view = view;

        // Markers grow with the map: smaller on thumbnails and small maps, double on very large renders and deep zooms.
        MarkerScale = (int)Math.Clamp(view.Span * 256L / 448, 96, 512);
    }

    /// <summary>Marker size factor, in 1/256.</summary>
    public int MarkerScale { get; }

    /// <summary>Draws every river, each segment as wide as the flow through its upstream cell.</summary>
    public void Rivers(Hydrology hydrology)
    {
        var mask = new byte[_image.Width * _image.Height];
        foreach (var river in hydrology.Rivers)
        {
            for (var i = 0; i + 1 < river.Path.Count; i++)
            {
                var p = river.Path[i];
                var flow = hydrology.Flow[(p.Y * hydrology.Width) + p.X];
                Segment(mask, p, river.Path[i + 1], RiverRadius(flow > 0 ? flow : river.Flow));
            }
        }

        Composite(mask, MapPalette.River, 256);
    }

    /// <summary>Draws every road as a thin line.</summary>
    public void Roads(IReadOnlyList<Road> roads)
    {
        var mask = new byte[_image.Width * _image.Height];
        // About a third of a cell wide when zoomed in, never thicker than the markers allow, never under a hairline.
        var radius = Math.Max(90, (int)Math.Min(_view.PixelsPerCell * 40 / 256, Scaled(260)));
        foreach (var road in roads)
        {
            for (var i = 0; i + 1 < road.Path.Count; i++)
            {
                Segment(mask, road.Path[i], road.Path[i + 1], radius);
            }
        }

        Composite(mask, MapPalette.Road, 235);
    }

    /// <summary>Settlement markers sized by class; capitals get an outer ring. Small places first, so cities stay on top.</summary>
    public void SettlementMarkers(IReadOnlyList<Settlement> settlements)
    {
        foreach (var size in Enum.GetValues<SettlementSize>())
        {
            foreach (var s in settlements)
            {
                if (s.Size != size)
                {
                    continue;
                }

                var radius = Scaled(size switch
                {
                    SettlementSize.Hamlet => 360,
                    SettlementSize.Village => 500,
                    SettlementSize.Town => 680,
                    _ => 900,
                });
                if (radius < 220)
                {
                    continue;
                }

                long cx = _view.PixelX(s.Location.X), cy = _view.PixelY(s.Location.Y);
                var outline = Math.Max(110, Scaled(200));
                if (s.IsCapital)
                {
                    Disc(cx, cy, radius + (2 * outline) + Scaled(120), MapPalette.Ink);
                    Disc(cx, cy, radius + outline + Scaled(120), MapPalette.Paper);
                }

                Disc(cx, cy, radius + outline, MapPalette.Ink);
                Disc(cx, cy, radius, MapPalette.Paper);
            }
        }
    }

    /// <summary>Political markers: small ink dots for settlements, a framed square in the faction's colour for capitals.</summary>
    public void PoliticalMarkers(IReadOnlyList<Settlement> settlements, IReadOnlyList<Faction> factions)
    {
        foreach (var s in settlements)
        {
            if (s.IsCapital)
            {
                continue;
            }

            var radius = Scaled(s.Size switch
            {
                SettlementSize.Hamlet => 260,
                SettlementSize.Village => 340,
                SettlementSize.Town => 440,
                _ => 560,
            });
            if (radius < 160)
            {
                continue;
            }

            long cx = _view.PixelX(s.Location.X), cy = _view.PixelY(s.Location.Y);
            Disc(cx, cy, radius + Math.Max(80, Scaled(140)), MapPalette.Paper);
            Disc(cx, cy, radius, MapPalette.Ink);
        }

        foreach (var s in settlements)
        {
            if (!s.IsCapital)
            {
                continue;
            }

            var faction = factions.FirstOrDefault(f => f.Id == s.FactionId);
            var colour = faction is null ? MapPalette.Paper : Rgb.FromHex(faction.Color);
            long cx = _view.PixelX(s.Location.X), cy = _view.PixelY(s.Location.Y);
            var half = Scaled(900);
            Square(cx, cy, half + Math.Max(100, Scaled(170)), MapPalette.Ink);
            Square(cx, cy, half, MapPalette.Paper);
            Square(cx, cy, half * 5 / 10, colour.Scale(200));
        }
    }

    private int Scaled(int size) => size * MarkerScale / 256;

    // Radius in 1/256 px: at least a visible hairline that thickens by ~0.08 px per doubling of flow, or the river's
    // width in cells (about 0.25 cells per doubling over 64 cells of catchment) where the map is zoomed in enough.
    private int RiverRadius(int flow)
    {
        var doublings = Log2Q8(Math.Max(flow, 1)) - (6 * One);
        var minimum = 40 + Math.Max(0, doublings * 20 / One);
        var cells = 64 + Math.Max(0, doublings * 64 / One);
        var scaled = (int)(cells * _view.PixelsPerCell / One);
        return Math.Min(Math.Max(minimum, scaled), 8 * One * MarkerScale / 256);
    }

    // log2(x) in 1/256: the integer part from the top bit, the fraction linear between powers of two.
    private static int Log2Q8(int x)
    {
        var k = BitOperations.Log2((uint)x);
        var fraction = (int)(((long)(x - (1L << k)) << 8) >> k);
        return (k * One) + fraction;
    }

    private void Segment(byte[] mask, GridPoint a, GridPoint b, int radius)
    {
        long ax = _view.PixelX(a.X), ay = _view.PixelY(a.Y), bx = _view.PixelX(b.X), by = _view.PixelY(b.Y);
        var reach = radius + One;
        int x0 = (int)Math.Max(0, (Math.Min(ax, bx) - reach) >> 8), x1 = (int)Math.Min(_image.Width - 1, (Math.Max(ax, bx) + reach) >> 8);
        int y0 = (int)Math.Max(0, (Math.Min(ay, by) - reach) >> 8), y1 = (int)Math.Min(_image.Height - 1, (Math.Max(ay, by) + reach) >> 8);
        long dx = bx - ax, dy = by - ay, length2 = (dx * dx) + (dy * dy);
        for (var py = y0; py <= y1; py++)
        {
            long qy = (py * (long)One) + (One / 2);
            for (var px = x0; px <= x1; px++)
            {
                long qx = (px * (long)One) + (One / 2);
                long cx = ax, cy = ay;
                if (length2 > 0)
                {
                    var t = Math.Clamp((((qx - ax) * dx) + ((qy - ay) * dy)) * 65536 / length2, 0, 65536);
                    cx = ax + (dx * t / 65536);
                    cy = ay + (dy * t / 65536);
                }

                var coverage = Coverage((qx - cx) * (qx - cx) + ((qy - cy) * (qy - cy)), radius);
                var i = (py * _image.Width) + px;
                if (coverage > mask[i])
                {
                    mask[i] = (byte)coverage;
                }
            }
        }
    }

    // Coverage 0..255 of a pixel whose centre lies sqrt(distance2) from a shape's edge at radius: full inside
    // radius − ½ px, none beyond radius + ½ px, linear between (a one-pixel antialiasing ramp). Radii below ½ px give
    // faint hairlines rather than nothing.
    private static int Coverage(long distance2, int radius)
    {
        long inner = radius - (One / 2), outer = radius + (One / 2);
        if (distance2 >= outer * outer)
        {
            return 0;
        }

        if (inner > 0 && distance2 <= inner * inner)
        {
            return 255;
        }

        long distance = IntegerMath.Sqrt((ulong)distance2);
        return (int)Math.Clamp((outer - distance) * 255 / One, 0, Math.Min(255, outer * 255 / One));
    }

    private void Disc(long cx, long cy, int radius, Rgb colour)
    {
        var reach = radius + One;
        int x0 = (int)Math.Max(0, (cx - reach) >> 8), x1 = (int)Math.Min(_image.Width - 1, (cx + reach) >> 8);
        int y0 = (int)Math.Max(0, (cy - reach) >> 8), y1 = (int)Math.Min(_image.Height - 1, (cy + reach) >> 8);
        for (var py = y0; py <= y1; py++)
        {
            long qy = (py * (long)One) + (One / 2) - cy;
            for (var px = x0; px <= x1; px++)
            {
                long qx = (px * (long)One) + (One / 2) - cx;
                Blend(px, py, colour, Coverage((qx * qx) + (qy * qy), radius));
            }
        }
    }

    private void Square(long cx, long cy, int half, Rgb colour)
    {
        long left = cx - half, right = cx + half, top = cy - half, bottom = cy + half;
        int x0 = (int)Math.Max(0, left >> 8), x1 = (int)Math.Min(_image.Width - 1, right >> 8);
        int y0 = (int)Math.Max(0, top >> 8), y1 = (int)Math.Min(_image.Height - 1, bottom >> 8);
        for (var py = y0; py <= y1; py++)
        {
            var oy = Math.Clamp(Math.Min((py + 1L) * One, bottom) - Math.Max(py * (long)One, top), 0, One);
            for (var px = x0; px <= x1; px++)
            {
                var ox = Math.Clamp(Math.Min((px + 1L) * One, right) - Math.Max(px * (long)One, left), 0, One);
                Blend(px, py, colour, (int)(ox * oy * 255 / (One * One)));
            }
        }
    }

    private void Composite(byte[] mask, Rgb colour, int opacity)
    {
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                Blend(i % _image.Width, i / _image.Width, colour, mask[i] * opacity / 256);
            }
        }
    }

    // Mixes colour into an opaque pixel by coverage/255; transparent pixels (outside the world on a tile) stay so.
    private void Blend(int x, int y, Rgb colour, int coverage)
    {
        if (coverage <= 0)
        {
            return;
        }

        var pixels = _image.Pixels;
        var i = ((y * _image.Width) + x) * 4;
        if (pixels[i + 3] == 0)
        {
            return;
        }

        var t = coverage + (coverage >> 7); // 0..255 → 0..256
        pixels[i] = (byte)(pixels[i] + (((colour.R - pixels[i]) * t) >> 8));
        pixels[i + 1] = (byte)(pixels[i + 1] + (((colour.G - pixels[i + 1]) * t) >> 8));
        pixels[i + 2] = (byte)(pixels[i + 2] + (((colour.B - pixels[i + 2]) * t) >> 8));
    }
}
