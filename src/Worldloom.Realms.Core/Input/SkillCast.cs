using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Input;

/// <summary>A request to cast a skill.</summary>
/// <param name="Slot">The skill bar slot, 1-based (1 Magic Missile, 2 Arcane Nova, 3 Heal for the Mage).</param>
/// <param name="Target">The entity aimed at (Magic Missile's quarry, Heal's ally), or 0 for none (Heal on self).</param>
/// <param name="Point">The point aimed at, in sub-tiles, when no entity is (zone-local).</param>
public readonly record struct SkillCast(int Slot, uint Target, Vec Point);
