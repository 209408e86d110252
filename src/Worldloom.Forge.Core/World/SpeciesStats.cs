namespace Worldloom.Forge.Core.World;

/// <summary>The base numbers of a species; integers in game units.</summary>
/// <param name="Health">Hit points.</param>
/// <param name="Attack">Damage per hit.</param>
/// <param name="Defense">Damage reduction.</param>
/// <param name="Speed">Movement speed in tenths of a cell per second.</param>
/// <param name="Perception">Aggro radius in cells.</param>
public sealed record SpeciesStats(int Health, int Attack, int Defense, int Speed, int Perception);
