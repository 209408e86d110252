namespace Worldloom.Forge.Core.World;

/// <summary>A named territory grown from a seat settlement; every land cell belongs to exactly one region.</summary>
/// <param name="Id">Stable id, <c>region-N</c> numbered from 1.</param>
/// <param name="Name">Display name.</param>
/// <param name="SeatId">The settlement it was grown from; empty for the wild region of a landmass with no settlement.</param>
/// <param name="FactionId">The faction that holds it; empty only in a world without factions (one with no settlements).</param>
/// <param name="Biome">Its most common land biome.</param>
/// <param name="Cells">How many cells it covers.</param>
public sealed record Region(string Id, string Name, string SeatId, string FactionId, Biome Biome, int Cells);
