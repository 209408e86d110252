using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines;

/// <summary>
/// The tile grid tile-based engines get: one tile per world cell up to <see cref="MaxSide"/> tiles a side, above that
/// one tile per <see cref="Scale"/> × <see cref="Scale"/> cells (the biome of the block's centre cell), so a 4096² world
/// still opens quickly in an editor.
/// </summary>
public sealed class ExportGrid
{
    /// <summary>Most tiles along either side.</summary>
    public const int MaxSide = 512;

    private readonly byte[] _tiles;

    /// <summary>Builds the grid from a world's biomes.</summary>
    public ExportGrid(BiomeMap biomes)
    {
        ArgumentNullException.ThrowIfNull(biomes);
        var side = Math.Max(biomes.Width, biomes.Height);
        Scale = (side + MaxSide - 1) / MaxSide;
        Columns = (biomes.Width + Scale - 1) / Scale;
        Rows = (biomes.Height + Scale - 1) / Scale;
        _tiles = new byte[Columns * Rows];
        var cells = biomes.Cells;
        for (var row = 0; row < Rows; row++)
        {
            var y = Math.Min((row * Scale) + (Scale / 2), biomes.Height - 1);
            for (var column = 0; column < Columns; column++)
            {
                var x = Math.Min((column * Scale) + (Scale / 2), biomes.Width - 1);
                _tiles[(row * Columns) + column] = cells[(y * biomes.Width) + x];
            }
        }
    }

    /// <summary>World cells per tile along each side (1 for worlds up to <see cref="MaxSide"/>).</summary>
    public int Scale { get; }

    /// <summary>Tiles across.</summary>
    public int Columns { get; }

    /// <summary>Tiles down.</summary>
    public int Rows { get; }

    /// <summary>Biome numbers, row-major, north row first; also the tile index in <see cref="BiomeTileset"/>.</summary>
    public ReadOnlySpan<byte> Tiles => _tiles;

    /// <summary>The biome of the tile at (<paramref name="column"/>, <paramref name="row"/>).</summary>
    public Biome this[int column, int row] => (Biome)_tiles[(row * Columns) + column];

    /// <summary>The tile a world cell falls in.</summary>
    public GridPoint ToTile(GridPoint cell) => new(cell.X / Scale, cell.Y / Scale);
}
