using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// <c>game.project</c>, so the folder opens as a Defold project on its own: it boots the world collection, and raises
/// the two limits a whole world exceeds by default (2,048 visible tiles, 1,024 game objects per collection).
/// </summary>
internal static class DefoldProject
{
    private const int DefaultMaxInstances = 1024;

    public static string Text(ExportSource source)
    {
        var grid = source.Grid;
        var instances = Math.Max(DefaultMaxInstances, source.World.Settlements.Count + 1);
        return string.Format(
            CultureInfo.InvariantCulture,
            """
            [project]
            title = Worldloom {0}

            [bootstrap]
            main_collection = {1}c

            [display]
            width = 1280
            height = 720

            [tilemap]
            max_tile_count = {2}

            [collection]
            max_instances = {3}

            """,
            source.Hash[..12],
            DefoldLayout.Resource(DefoldLayout.Collection),
            grid.Columns * grid.Rows,
            instances);
    }
}
