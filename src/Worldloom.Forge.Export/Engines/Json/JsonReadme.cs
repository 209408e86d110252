using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Json;

/// <summary>The JSON folder's README.txt.</summary>
internal static class JsonReadme
{
    public static string Text(ExportSource source) => string.Format(
        CultureInfo.InvariantCulture,
        """
        Worldloom world {0} (seed "{1}"), {2} x {3} cells.

        world.json     The canonical world document, byte for byte; its SHA-256 is the world hash above.
                       Layout: docs/forge.md, "World document". Layers inside it are base64 of their canonical bytes.
        height.png     Elevation, 16-bit greyscale, one pixel per cell, north up. 0 = lowest, 65535 = highest;
                       cells above {4} (the sea level) are land.
        biomes.png     Biome colours with a light hillshade, one pixel per cell (legend.json: biomes).
        rivers.png     Rivers and lakes in blue over muted biomes.
        political.png  Faction colours with region and faction borders (legend.json: factions).
        legend.json    Biome numbers, names and colours; faction colours; settlement size classes.

        Any image viewer opens the PNGs; any JSON reader opens the rest. Cell (x, y) of every list in world.json is
        pixel (x, y) of every PNG: x east from the west edge, y south from the north edge.
        """,
        source.Hash,
        source.World.Seed.Text,
        source.Heightmap.Width,
        source.Heightmap.Height,
        source.Heightmap.SeaLevel);
}
