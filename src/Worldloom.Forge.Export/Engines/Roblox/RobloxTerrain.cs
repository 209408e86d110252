using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>
/// The terrain Roblox gets: at most <see cref="MaxSide"/> samples a side (corners on the world's corners), each a
/// column <see cref="CellStuds"/> studs square whose top is its elevation, kept to 12 bits, at 1/128 stud per unit
/// above or below sea level (Y = 0). Parts are placed on these same tops, so they sit on the built terrain exactly.
/// </summary>
internal sealed class RobloxTerrain
{
    /// <summary>Most samples along either side; 256² keeps the data module near 200 KB.</summary>
    public const int MaxSide = 256;

    /// <summary>Studs between samples (two 4-stud terrain voxels).</summary>
    public const int CellStuds = 8;

    /// <summary>Elevation units per stud of height: the full 16-bit range spans 512 studs.</summary>
    public const int UnitsPerStud = 128;

    /// <summary>Elevations keep their top 12 bits, two base-64 characters in the data module.</summary>
    public const int QuantumBits = 4;

    private readonly ushort[] _elevations;
    private readonly byte[] _biomes;
    private readonly int _worldWidth;
    private readonly int _worldHeight;

    private RobloxTerrain(int width, int height, ushort[] elevations, byte[] biomes, int seaLevel, int worldWidth, int worldHeight)
    {
        Width = width;
        Height = height;
        _elevations = elevations;
        _biomes = biomes;
        SeaLevel = seaLevel;
        _worldWidth = worldWidth;
        _worldHeight = worldHeight;
    }

    /// <summary>Samples west to east.</summary>
    public int Width { get; }

    /// <summary>Samples north to south.</summary>
    public int Height { get; }

    /// <summary>The sea surface's elevation (Y = 0).</summary>
    public int SeaLevel { get; }

    /// <summary>Elevations, row-major, north row first, low <see cref="QuantumBits"/> bits zero.</summary>
    public ReadOnlySpan<ushort> Elevations => _elevations;

    /// <summary>Biome numbers, row-major, the biome of the world cell under each sample.</summary>
    public ReadOnlySpan<byte> Biomes => _biomes;

    public static RobloxTerrain From(ExportSource source)
    {
        var map = source.Heightmap;
        var side = Math.Max(map.Width, map.Height);
        var (width, height) = side <= MaxSide
            ? (map.Width, map.Height)
            : (Math.Max(2, map.Width * MaxSide / side), Math.Max(2, map.Height * MaxSide / side));
        var resampled = source.Heights(width, height);
        var elevations = new ushort[resampled.Length];
        var biomes = new byte[resampled.Length];
        var cells = source.Biomes.Cells;
        for (var row = 0; row < height; row++)
        {
            var y = Cell(row, height, map.Height);
            for (var column = 0; column < width; column++)
            {
                var i = (row * width) + column;
                elevations[i] = (ushort)(resampled[i] >> QuantumBits << QuantumBits);
                biomes[i] = cells[(y * map.Width) + Cell(column, width, map.Width)];
            }
        }

        return new RobloxTerrain(width, height, elevations, biomes, map.SeaLevel, map.Width, map.Height);
    }

    /// <summary>The sample nearest a world cell.</summary>
    public (int Column, int Row) Nearest(GridPoint cell) =>
        (Sample(cell.X, _worldWidth, Width), Sample(cell.Y, _worldHeight, Height));

    /// <summary>The top of a sample's column in hundredths of a stud (negative below sea level).</summary>
    public long TopHundredths(int column, int row) =>
        (long)(_elevations[(row * Width) + column] - SeaLevel) * 100 / UnitsPerStud;

    // The world cell under sample i of n along a side of `cells` cells, corners on corners.
    private static int Cell(int i, int n, int cells) => n == cells ? i : (int)((long)i * (cells - 1) / (n - 1));

    // The sample nearest cell c, rounding half up.
    private static int Sample(int c, int cells, int n) => n == cells ? c : (int)((((long)c * (n - 1) * 2) + cells - 1) / (2L * (cells - 1)));
}
