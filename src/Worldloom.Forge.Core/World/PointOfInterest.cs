namespace Worldloom.Forge.Core.World;

/// <summary>A place worth going to, with a quest hook.</summary>
/// <param name="Id">Stable id, <c>poi-N</c> numbered from 1.</param>
/// <param name="Kind">ruin, dungeon, lair, shrine, cave, tower, battlefield, ...</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">Its cell.</param>
/// <param name="RegionId">The region it lies in, if any.</param>
/// <param name="Hook">The quest hook that sends people there.</param>
public sealed record PointOfInterest(string Id, string Kind, string Name, GridPoint Location, string? RegionId, QuestHook Hook);
