namespace Worldloom.Forge.Core.World;

/// <summary>A lake: a filled depression on land.</summary>
/// <param name="Id">Stable id, <c>lake-N</c> numbered from 1 in discovery order.</param>
/// <param name="Name">Display name.</param>
/// <param name="Centre">A cell of the lake near its middle, for labels.</param>
/// <param name="Cells">How many cells it covers.</param>
/// <param name="Surface">Elevation of its water surface.</param>
public sealed record Lake(string Id, string Name, GridPoint Centre, int Cells, int Surface);
