using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary><c>biomes.tilesource</c>: the shared biome image cut into 16-pixel tiles, tile index = biome number.</summary>
internal static class DefoldTilesource
{
    public static string Text()
    {
        var text = new StringBuilder();
        text.Append("image: ").Append(DefoldText.Quote(DefoldLayout.Resource(DefoldLayout.Image))).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"tile_width: {DefoldLayout.TileSize}\n");
        text.Append(CultureInfo.InvariantCulture, $"tile_height: {DefoldLayout.TileSize}\n");
        text.Append("tile_margin: 0\n");
        text.Append("tile_spacing: 0\n");
        text.Append("collision: \"\"\n");
        text.Append("material_tag: \"tile\"\n");
        text.Append("collision_groups: \"default\"\n");

        // Extruded borders stop neighbouring tiles bleeding in when the map is drawn scaled.
        text.Append("extrude_borders: 2\n");
        text.Append("inner_padding: 0\n");
        text.Append("sprite_trim_mode: SPRITE_TRIM_MODE_OFF\n");
        return text.ToString();
    }
}
