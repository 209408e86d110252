namespace Worldloom.Forge.Core.World;

/// <summary>A river from its source to its mouth; every step goes to a 8-neighbour no higher than the one before.</summary>
/// <param name="Id">Stable id, <c>river-N</c> numbered from 1.</param>
/// <param name="Name">Display name.</param>
/// <param name="Path">Cells from source to mouth; the last cell is sea or lake.</param>
/// <param name="Mouth">Where it ends.</param>
/// <param name="LakeId">The lake it flows into when <paramref name="Mouth"/> is <see cref="RiverMouth.Lake"/>.</param>
/// <param name="Flow">Cells draining through its mouth (its catchment size).</param>
public sealed record River(string Id, string Name, IReadOnlyList<GridPoint> Path, RiverMouth Mouth, string? LakeId, int Flow);
