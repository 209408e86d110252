using System.Buffers.Binary;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Blender;

/// <summary>
/// The vertex grid of the Blender terrain: one vertex per world cell up to <see cref="MaxSide"/> a side, above that the
/// longer side gets <see cref="MaxSide"/> vertices and the shorter as many as keep the spacing nearly square. A mesh of
/// 257 × 257 vertices (65,536 faces) builds in a second or two and stays light to edit.
/// </summary>
internal sealed class BlenderGrid
{
    /// <summary>Most vertices along either side.</summary>
    public const int MaxSide = 257;

    public BlenderGrid(ExportSource source)
    {
        Source = source;
        (Columns, Rows) = SizeFor(source.Heightmap.Width, source.Heightmap.Height);
    }

    public ExportSource Source { get; }

    /// <summary>Vertices west to east.</summary>
    public int Columns { get; }

    /// <summary>Vertices north to south.</summary>
    public int Rows { get; }

    /// <summary>The mesh's extent along X (west to east) in metres.</summary>
    public int SizeX => TerrainScale.SpanMetres(Source.Heightmap.Width);

    /// <summary>The mesh's extent along Y (south to north) in metres.</summary>
    public int SizeY => TerrainScale.SpanMetres(Source.Heightmap.Height);

    /// <summary>The grid for a world of <paramref name="width"/> × <paramref name="height"/> cells.</summary>
    public static (int Columns, int Rows) SizeFor(int width, int height)
    {
        var longer = Math.Max(width, height);
        if (longer <= MaxSide)
        {
            return (width, height);
        }

        // Scale both sides by (MaxSide - 1) / (longer - 1), rounding, so the longer side gets exactly MaxSide.
        int Scale(int side) => 1 + ((((side - 1) * (MaxSide - 1)) + ((longer - 1) / 2)) / (longer - 1));
        return (Scale(width), Scale(height));
    }

    /// <summary>The vertices' elevations, 16-bit little-endian, row-major, north row first.</summary>
    public byte[] HeightsRaw()
    {
        var heights = Source.Heights(Columns, Rows);
        var raw = new byte[heights.Length * 2];
        for (var i = 0; i < heights.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(i * 2), heights[i]);
        }

        return raw;
    }

    /// <summary>One biome byte per face, row-major, north row first: the biome of the world cell nearest the face's centre.</summary>
    public byte[] FaceBiomes()
    {
        var biomes = Source.Biomes;
        var cells = biomes.Cells;
        var faces = new byte[(Columns - 1) * (Rows - 1)];
        for (var row = 0; row < Rows - 1; row++)
        {
            var y = Nearest(row, Rows, biomes.Height);
            for (var column = 0; column < Columns - 1; column++)
            {
                faces[(row * (Columns - 1)) + column] = cells[(y * biomes.Width) + Nearest(column, Columns, biomes.Width)];
            }
        }

        return faces;
    }

    // The cell nearest the centre of face i of the n - 1 faces between n vertices laid over cells 0..size-1.
    private static int Nearest(int i, int n, int size)
    {
        var twice = (long)((2 * i) + 1) * (size - 1);
        return (int)Math.Min(size - 1, (twice + (n - 1)) / (2L * (n - 1)));
    }
}
