namespace Worldloom.Forge.Core.World;

/// <summary>
/// Water on land: accumulated flow per cell (how many cells drain through it), lake cells, and the rivers and lakes
/// as named features. Grids are row-major like <see cref="Heightmap"/>.
/// </summary>
public sealed class Hydrology
{
    private readonly int[] _flow;
    private readonly int[] _lakeCells;

    /// <summary>Wraps the grids (taken, not copied).</summary>
    /// <param name="width">Cells per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="flow">Cells draining through each cell (0 at sea).</param>
    /// <param name="lakeCells">Per cell, the 1-based index into <paramref name="lakes"/>, or 0 when not a lake.</param>
    /// <param name="rivers">Rivers, in id order.</param>
    /// <param name="lakes">Lakes, in id order.</param>
    public Hydrology(int width, int height, int[] flow, int[] lakeCells, IReadOnlyList<River> rivers, IReadOnlyList<Lake> lakes)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(lakeCells);
        ArgumentNullException.ThrowIfNull(rivers);
        ArgumentNullException.ThrowIfNull(lakes);
        if (flow.Length != (long)width * height || lakeCells.Length != flow.Length)
        {
            throw new ArgumentException("Flow and lake grids must each hold width × height values.");
        }

        Width = width;
        Height = height;
        _flow = flow;
        _lakeCells = lakeCells;
        Rivers = rivers;
        Lakes = lakes;
    }

    /// <summary>Cells per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Accumulated flow per cell, row-major.</summary>
    public ReadOnlySpan<int> Flow => _flow;

    /// <summary>Per cell, 1-based lake index or 0, row-major.</summary>
    public ReadOnlySpan<int> LakeCells => _lakeCells;

    /// <summary>The rivers.</summary>
    public IReadOnlyList<River> Rivers { get; }

    /// <summary>The lakes.</summary>
    public IReadOnlyList<Lake> Lakes { get; }

    /// <summary>Whether (<paramref name="x"/>, <paramref name="y"/>) is a lake cell.</summary>
    public bool IsLake(int x, int y) => _lakeCells[(y * Width) + x] != 0;
}
