namespace Worldloom.Forge.Core.World;

/// <summary>Per cell, the 1-based index of its <see cref="Region"/> in <see cref="ForgeWorld.Regions"/>, or 0 for water; row-major.</summary>
public sealed class RegionMap
{
    private readonly int[] _cells;

    /// <summary>Wraps <paramref name="cells"/> (taken, not copied), which must hold width × height values.</summary>
    public RegionMap(int width, int height, int[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != (long)width * height)
        {
            throw new ArgumentException("The cells must number width × height.", nameof(cells));
        }

        Width = width;
        Height = height;
        _cells = cells;
    }

    /// <summary>Cells per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Region index per cell (1-based, 0 = none), row-major.</summary>
    public ReadOnlySpan<int> Cells => _cells;

    /// <summary>The 1-based region index at (<paramref name="x"/>, <paramref name="y"/>), 0 for none.</summary>
    public int this[int x, int y] => _cells[(y * Width) + x];
}
