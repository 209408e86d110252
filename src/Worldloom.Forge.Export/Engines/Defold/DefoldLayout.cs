namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// Where the files go. Defold paths are absolute from the project root; everything but <c>game.project</c> lives in
/// one folder so it can be copied into an existing project as it is.
/// </summary>
internal static class DefoldLayout
{
    public const string Folder = "worldloom";

    public const string Collection = "world.collection";

    public const string Tilemap = "world.tilemap";

    public const string Tilesource = "biomes.tilesource";

    public const string Image = "biomes.png";

    public const string Script = "settlement.script";

    public const string SettlementData = "settlements.lua";

    /// <summary>The file's path inside the bundle's engine folder.</summary>
    public static string File(string name) => $"{Folder}/{name}";

    /// <summary>The file's resource path as Defold files reference it (<c>/worldloom/world.tilemap</c>).</summary>
    public static string Resource(string name) => $"/{Folder}/{name}";

    /// <summary>The Lua module name of <see cref="SettlementData"/>.</summary>
    public static string Module => $"{Folder}.{Path.GetFileNameWithoutExtension(SettlementData)}";

    /// <summary>Pixels per tile.</summary>
    public static int TileSize => BiomeTileset.TileSize;

    /// <summary>
    /// The centre of grid tile (<paramref name="column"/>, <paramref name="row"/>) in Defold pixels: y points up, so
    /// the grid's north row is the tilemap's top row, <c>rows - 1</c>.
    /// </summary>
    public static (int X, int Y) Centre(int column, int row, int rows) =>
        ((column * TileSize) + (TileSize / 2), ((rows - 1 - row) * TileSize) + (TileSize / 2));
}
