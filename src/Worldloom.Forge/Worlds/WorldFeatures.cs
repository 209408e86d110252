using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Worlds;

/// <summary>The named things of a world, for the map viewer and clients that do not want the whole document.</summary>
/// <param name="Hash">The document hash these come from.</param>
/// <param name="Width">Cells per row.</param>
/// <param name="Height">Rows.</param>
/// <param name="Settlements">Settlements.</param>
/// <param name="Regions">Regions.</param>
/// <param name="Factions">Factions.</param>
/// <param name="Rivers">Rivers without their paths.</param>
/// <param name="Lakes">Lakes.</param>
/// <param name="Roads">How many roads.</param>
/// <param name="PointsOfInterest">Points of interest with their hooks.</param>
/// <param name="Bestiary">Species.</param>
public sealed record WorldFeatures(
    string Hash,
    int Width,
    int Height,
    IReadOnlyList<Settlement> Settlements,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Faction> Factions,
    IReadOnlyList<RiverSummary> Rivers,
    IReadOnlyList<Lake> Lakes,
    int Roads,
    IReadOnlyList<PointOfInterest> PointsOfInterest,
    IReadOnlyList<Species> Bestiary)
{
    /// <summary>The features of <paramref name="world"/>.</summary>
    public static WorldFeatures From(ForgeWorld world, string hash)
    {
        ArgumentNullException.ThrowIfNull(world);
        var rivers = world.Hydrology?.Rivers.Select(r => new RiverSummary(r.Id, r.Name, r.Path.Count, r.Mouth, r.LakeId, r.Flow, r.Path[0], r.Path[^1])).ToList() ?? [];
        return new(hash, world.Width, world.Height, world.Settlements, world.Regions, world.Factions, rivers,
            world.Hydrology?.Lakes ?? [], world.Roads.Count, world.PointsOfInterest, world.Bestiary);
    }
}
