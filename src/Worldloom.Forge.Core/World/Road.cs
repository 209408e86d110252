namespace Worldloom.Forge.Core.World;

/// <summary>A road between two settlements, following the cheapest path over the terrain.</summary>
/// <param name="Id">Stable id, <c>road-N</c> numbered from 1.</param>
/// <param name="From">Settlement id at the start.</param>
/// <param name="To">Settlement id at the end.</param>
/// <param name="Path">Cells from <paramref name="From"/>'s cell to <paramref name="To"/>'s, each an 8-neighbour of the last.</param>
/// <param name="Cost">Total terrain cost of the path (integer units; see the roads stage).</param>
public sealed record Road(string Id, string From, string To, IReadOnlyList<GridPoint> Path, int Cost);
