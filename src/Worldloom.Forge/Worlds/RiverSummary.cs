using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Worlds;

/// <summary>A river without its path.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Length">Cells from source to mouth.</param>
/// <param name="Mouth">Where it ends.</param>
/// <param name="LakeId">The lake it ends in.</param>
/// <param name="Flow">Catchment at the mouth.</param>
/// <param name="Source">First cell.</param>
/// <param name="End">Last cell.</param>
public sealed record RiverSummary(string Id, string Name, int Length, RiverMouth Mouth, string? LakeId, int Flow, GridPoint Source, GridPoint End);
