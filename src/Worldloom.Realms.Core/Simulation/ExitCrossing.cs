using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>A player who walked onto an exit and has left the zone; the server hands the character to the target
/// zone.</summary>
/// <param name="CharacterId">The player.</param>
/// <param name="Exit">The exit taken.</param>
/// <param name="Character">The character to hand over (its position is <paramref name="Entry"/>).</param>
/// <param name="Entry">Where the player appears in the target zone, in that zone's sub-tiles: the same coordinate along
/// the edge, one tile inside the target's opposite edge.</param>
public sealed record ExitCrossing(Guid CharacterId, ZoneExit Exit, CharacterState Character, Vec Entry);
