using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>What a character carries between zones and sessions: the server persists it and hands it to the next
/// zone on a crossing.</summary>
/// <param name="ClassId">The class id in the realm rules (<c>mage</c>).</param>
/// <param name="Level">Level, from 1 (carried; the core does not change it yet).</param>
/// <param name="Hp">Hit points; clamped to the class maximum on joining; 0 or less (died before leaving) joins with
/// full hit points and mana.</param>
/// <param name="Mana">Mana; clamped to the class maximum on joining.</param>
/// <param name="Position">Where in the zone, in sub-tiles, or null for the player spawn nearest the zone's centre.
/// A blocked or outside position is moved to the nearest walkable tile.</param>
/// <param name="Inventory">Opaque JSON the core carries unchanged.</param>
public sealed record CharacterState(string ClassId, int Level, int Hp, int Mana, Vec? Position, string Inventory);
