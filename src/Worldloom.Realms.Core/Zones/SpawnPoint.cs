namespace Worldloom.Realms.Core.Zones;

/// <summary>A walkable tile at or near a settlement or point of interest of the world (or the zone's most central
/// walkable tile when it has neither). Players appear at settlements (and at the centre); points of interest are
/// where enemies gather.</summary>
/// <param name="Id">The settlement's or point of interest's id, or <c>centre</c>.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Kind"><c>settlement</c>, <c>centre</c>, or the point of interest's kind (ruin, lair, cave, ...).</param>
/// <param name="TileX">Zone-local tile column.</param>
/// <param name="TileY">Zone-local tile row.</param>
public sealed record SpawnPoint(string Id, string Name, string Kind, int TileX, int TileY)
{
    /// <summary>Kind of a settlement's spawn point.</summary>
    public const string Settlement = "settlement";

    /// <summary>Kind of the fallback spawn point at the zone's centre.</summary>
    public const string Centre = "centre";

    /// <summary>Whether players may appear here.</summary>
    public bool ForPlayers => Kind is Settlement or Centre;
}
