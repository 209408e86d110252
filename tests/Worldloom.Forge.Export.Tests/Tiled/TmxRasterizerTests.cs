using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Tiled;

namespace Worldloom.Forge.Export.Tests.Tiled;

/// <summary>Tiled's own renderer opens the exported maps: the external check the exports issue asks for.</summary>
public sealed class TmxRasterizerTests
{
    private const int TileSize = 4;

    [Theory]
    [InlineData("world.tmx")]
    [InlineData("world.tmj")]
    public void Tmxrasterizer_RendersTheMap_AtItsSizeInMoreThanOneColour(string map)
    {
        var source = ExportWorlds.Source(width: 128, height: 96);
        var files = ExportWorlds.Export(new TiledExporter(), source);
        var directory = Directory.CreateTempSubdirectory("worldloom-tiled-");
        try
        {
            files.WriteTo(directory.FullName);
            var output = Path.Combine(directory.FullName, "render.png");

            TmxRasterizer.Render(Path.Combine(directory.FullName, map), output, TileSize, directory.FullName);

            var png = DecodedPng.Decode(File.ReadAllBytes(output));
            Assert.Equal((source.Grid.Columns * TileSize, source.Grid.Rows * TileSize), (png.Width, png.Height));
            Assert.True(png.DistinctColours() > 1, "the render is one flat colour");
            Assert.True(
                ShareOfTilesInTheirBiomeColour(png, source.Grid) > 0.8,
                "most tiles should show their biome's colour; the tileset image was probably not found");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // The centre pixel of each tile against the biome's colour: the tileset's stipple and the scaling blur move it a
    // little, objects drawn on top cover a few tiles, an unreadable tileset leaves every tile blank.
    private static double ShareOfTilesInTheirBiomeColour(DecodedPng png, ExportGrid grid)
    {
        var rgba = png.Rgba!;
        var matching = 0;
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var colour = BiomeTileset.Colour(grid[column, row]);
                var at = ((((row * TileSize) + (TileSize / 2)) * png.Width) + (column * TileSize) + (TileSize / 2)) * 4;
                var close = Math.Abs(rgba[at] - ((colour >> 16) & 0xFF)) <= 24
                    && Math.Abs(rgba[at + 1] - ((colour >> 8) & 0xFF)) <= 24
                    && Math.Abs(rgba[at + 2] - (colour & 0xFF)) <= 24;
                matching += close ? 1 : 0;
            }
        }

        return (double)matching / (grid.Columns * grid.Rows);
    }
}
