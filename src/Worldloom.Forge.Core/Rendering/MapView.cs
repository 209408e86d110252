namespace Worldloom.Forge.Core.Rendering;

/// <summary>
/// Where the world lands in an output image: a rational scale <c>Scale/Cells</c> output pixels per cell (the longest
/// world side spans <see cref="Span"/> pixels) and the offset of the image's top-left pixel in that full map. A whole
/// world render has offset 0; a tile is a 256-pixel window into the full map of its zoom.
/// </summary>
internal readonly struct MapView
{
    public MapView(int worldWidth, int worldHeight, int span, int offsetX, int offsetY, int width, int height)
    {
        WorldWidth = worldWidth;
        WorldHeight = worldHeight;
        Cells = Math.Max(worldWidth, worldHeight);
        Span = span;
        OffsetX = offsetX;
        OffsetY = offsetY;
        Width = width;
        Height = height;
    }

    public int WorldWidth { get; }

    public int WorldHeight { get; }

    /// <summary>The longest world side in cells.</summary>
    public int Cells { get; }

    /// <summary>The longest world side in output pixels.</summary>
    public int Span { get; }

    public int OffsetX { get; }

    public int OffsetY { get; }

    /// <summary>Output width in pixels.</summary>
    public int Width { get; }

    /// <summary>Output height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// The cells [<paramref name="first"/>, <paramref name="end"/>) that output column <paramref name="px"/> covers:
    /// several when scaled down (averaged), one when scaled up (repeated). False beyond the world's east edge.
    /// </summary>
    public bool ColumnCells(int px, out int first, out int end) => Cover(px + OffsetX, WorldWidth, out first, out end);

    /// <summary>As <see cref="ColumnCells"/>, for output row <paramref name="py"/> and the south edge.</summary>
    public bool RowCells(int py, out int first, out int end) => Cover(py + OffsetY, WorldHeight, out first, out end);

    /// <summary>The output x of the centre of cell column <paramref name="x"/>, in 1/256 pixels.</summary>
    public long PixelX(int x) => ((((2L * x) + 1) * Span * 128) / Cells) - (OffsetX * 256L);

    /// <summary>The output y of the centre of cell row <paramref name="y"/>, in 1/256 pixels.</summary>
    public long PixelY(int y) => ((((2L * y) + 1) * Span * 128) / Cells) - (OffsetY * 256L);

    /// <summary>Whether cells are larger than pixels (tiles zoomed in past one pixel per cell).</summary>
    public bool Magnified => Span > Cells;

    /// <summary>The cell-space x (in 1/256 cell, cell centres at whole numbers) under the centre of output column <paramref name="px"/>.</summary>
    public long SampleX(int px) => Sample(px + OffsetX);

    /// <summary>As <see cref="SampleX"/>, for output row <paramref name="py"/>.</summary>
    public long SampleY(int py) => Sample(py + OffsetY);

    /// <summary>Output pixels per cell, in 1/256.</summary>
    public long PixelsPerCell => Span * 256L / Cells;

    private long Sample(long global) => ((((2 * global) + 1) * Cells * 128) / Span) - 128;

    private bool Cover(long global, int limit, out int first, out int end)
    {
        first = (int)(global * Cells / Span);
        end = (int)(((global + 1) * Cells) / Span);
        if (end <= first)
        {
            end = first + 1;
        }

        if (first >= limit || global < 0)
        {
            return false;
        }

        end = Math.Min(end, limit);
        return true;
    }
}
