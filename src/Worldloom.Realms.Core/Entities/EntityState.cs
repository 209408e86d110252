using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Entities;

/// <summary>
/// What a client may know of one entity at one tick: the input of the snapshot codec, which quantizes and
/// delta-encodes it, and of the client's drawing. The simulation's own entities hold more (cooldowns, AI targets).
/// </summary>
/// <param name="Id">Unique within the zone for its lifetime, never reused while the zone runs.</param>
/// <param name="Kind">Player, enemy or projectile.</param>
/// <param name="Archetype">Index into the realm rules: the class for a player, the enemy archetype for an enemy, the
/// skill for a projectile.</param>
/// <param name="Position">Where it is, in sub-tiles.</param>
/// <param name="Facing">Its heading (0..4095 per turn, 0 = east, clockwise since y grows south).</param>
/// <param name="Hp">Hit points now.</param>
/// <param name="MaxHp">Hit points when whole.</param>
/// <param name="Mana">Mana now (players; 0 otherwise).</param>
/// <param name="MaxMana">Mana when full (players; 0 otherwise).</param>
/// <param name="Activity">What it is doing.</param>
/// <param name="ActivityTicks">Ticks left in the activity (cast time, wind-up, recovery, respawn delay), or 0.</param>
/// <param name="Telegraph">An enemy's pending attack, or none.</param>
/// <param name="Flags">Invulnerable, god mode.</param>
/// <param name="Target">The entity it targets (a projectile's homing target, an enemy's quarry, a player's heal or
/// missile target while casting), or 0.</param>
public readonly record struct EntityState(
    uint Id,
    EntityKind Kind,
    ushort Archetype,
    Vec Position,
    int Facing,
    int Hp,
    int MaxHp,
    int Mana,
    int MaxMana,
    EntityActivity Activity,
    int ActivityTicks,
    Telegraph Telegraph,
    EntityFlags Flags,
    uint Target);
