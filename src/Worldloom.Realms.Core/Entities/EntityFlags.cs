namespace Worldloom.Realms.Core.Entities;

/// <summary>Conditions the client shows on an entity.</summary>
[Flags]
public enum EntityFlags : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Takes no damage (frames after a respawn).</summary>
    Invulnerable = 1,

    /// <summary>God mode from the dev console: takes no damage, casts without cost or cooldown.</summary>
    God = 2,
}
