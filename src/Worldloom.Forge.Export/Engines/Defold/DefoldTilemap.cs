using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// <c>world.tilemap</c>: one layer, one cell per grid tile, tile index = biome number (Defold counts tiles from 0 in the
/// file). Cell y counts up from the bottom, so grid row r is y = rows - 1 - r. A cell per line keeps 512² maps near
/// 8 MB; Defold writes each field on its own line but reads either.
/// </summary>
internal static class DefoldTilemap
{
    public const string LayerId = "terrain";

    public static string Text(ExportGrid grid)
    {
        var tiles = grid.Tiles;
        var text = new StringBuilder(128 + (tiles.Length * 34));
        text.Append("tile_set: ").Append(DefoldText.Quote(DefoldLayout.Resource(DefoldLayout.Tilesource))).Append('\n');
        text.Append("layers {\n  id: ").Append(DefoldText.Quote(LayerId)).Append("\n  z: 0.0\n  is_visible: 1\n");
        for (var row = 0; row < grid.Rows; row++)
        {
            var y = grid.Rows - 1 - row;
            for (var column = 0; column < grid.Columns; column++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  cell {{ x: {column} y: {y} tile: {tiles[(row * grid.Columns) + column]} }}\n");
            }
        }

        text.Append("}\n");
        text.Append("material: \"/builtins/materials/tile_map.material\"\n");
        text.Append("blend_mode: BLEND_MODE_ALPHA\n");
        return text.ToString();
    }
}
