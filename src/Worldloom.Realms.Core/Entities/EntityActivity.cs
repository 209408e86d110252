namespace Worldloom.Realms.Core.Entities;

/// <summary>What an entity is doing this tick. Enemies run Idle → Pursue → WindUp → Attack → Recover; players are
/// Idle, Moving or Casting; anything with hit points can be Dead.</summary>
public enum EntityActivity : byte
{
    /// <summary>Standing still (an enemy with no target).</summary>
    Idle = 0,

    /// <summary>A player walking.</summary>
    Moving = 1,

    /// <summary>A player casting a skill with a cast time (Heal); damage interrupts it.</summary>
    Casting = 2,

    /// <summary>An enemy chasing its target.</summary>
    Pursue = 3,

    /// <summary>An enemy winding up an attack; its telegraph shows where the attack will land.</summary>
    WindUp = 4,

    /// <summary>An enemy's attack resolving this tick.</summary>
    Attack = 5,

    /// <summary>An enemy recovering after an attack.</summary>
    Recover = 6,

    /// <summary>Dead: a player waiting to respawn, an enemy about to be removed.</summary>
    Dead = 7,

    /// <summary>An enemy walking back to its home after leaving its leash radius.</summary>
    Return = 8,
}
