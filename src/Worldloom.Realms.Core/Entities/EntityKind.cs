namespace Worldloom.Realms.Core.Entities;

/// <summary>What an entity is; the snapshot codec and the client draw each kind differently.</summary>
public enum EntityKind : byte
{
    /// <summary>A player's character.</summary>
    Player = 0,

    /// <summary>An enemy drawn from the world's bestiary.</summary>
    Enemy = 1,

    /// <summary>A projectile in flight (Magic Missile).</summary>
    Projectile = 2,
}
