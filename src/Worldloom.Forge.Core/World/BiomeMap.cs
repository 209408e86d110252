namespace Worldloom.Forge.Core.World;

/// <summary>The <see cref="Biome"/> of every cell, row-major like <see cref="Heightmap"/>. Its canonical bytes are one byte per cell.</summary>
public sealed class BiomeMap
{
    private readonly byte[] _cells;

    /// <summary>Wraps <paramref name="cells"/> (taken, not copied), which must hold width × height biome bytes.</summary>
    public BiomeMap(int width, int height, byte[] cells)
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

    /// <summary>Biome bytes, row-major.</summary>
    public ReadOnlySpan<byte> Cells => _cells;

    /// <summary>The biome at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public Biome this[int x, int y] => (Biome)_cells[(y * Width) + x];

    /// <summary>Sets one cell; for overrides and scripted rules, which edit a generated map in place.</summary>
    public void Set(int x, int y, Biome biome) => _cells[(y * Width) + x] = (byte)biome;

    /// <summary>How many cells hold each biome, indexed by biome byte.</summary>
    public int[] Histogram()
    {
        var counts = new int[BiomeNames.All.Count];
        foreach (var cell in _cells)
        {
            counts[cell]++;
        }

        return counts;
    }
}
