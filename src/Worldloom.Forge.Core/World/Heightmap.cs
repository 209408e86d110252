using System.Buffers.Binary;

namespace Worldloom.Forge.Core.World;

/// <summary>
/// Elevation per cell, 0..65535, row-major (north row first, west to east), with the sea level that splits land from
/// water. Cells strictly above <see cref="SeaLevel"/> are land. Immutable once built.
/// </summary>
public sealed class Heightmap
{
    private readonly ushort[] _cells;

    /// <summary>Wraps <paramref name="cells"/> (taken, not copied), which must hold width × height values.</summary>
    public Heightmap(int width, int height, ushort seaLevel, ushort[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (cells.Length != (long)width * height)
        {
            throw new ArgumentException("The cells must number width × height.", nameof(cells));
        }

        Width = width;
        Height = height;
        SeaLevel = seaLevel;
        _cells = cells;
    }

    /// <summary>Cells per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>The elevation of the sea surface; a cell is land when its elevation is above it.</summary>
    public ushort SeaLevel { get; }

    /// <summary>All elevations, row-major.</summary>
    public ReadOnlySpan<ushort> Cells => _cells;

    /// <summary>The elevation at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public ushort this[int x, int y] => _cells[(y * Width) + x];

    /// <summary>Whether the cell at (<paramref name="x"/>, <paramref name="y"/>) is land.</summary>
    public bool IsLand(int x, int y) => this[x, y] > SeaLevel;

    /// <summary>How many cells are land.</summary>
    public int CountLand()
    {
        var count = 0;
        foreach (var cell in _cells)
        {
            if (cell > SeaLevel)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The canonical bytes: each elevation as 2 bytes little-endian, row-major. Golden hashes are over these.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_cells.Length * 2];
        for (var i = 0; i < _cells.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), _cells[i]);
        }

        return bytes;
    }
}
