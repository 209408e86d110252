namespace Worldloom.Realms.Core.Entities;

/// <summary>Something that happened during a tick that a client shows once (a damage number, a cast flash).</summary>
public enum ZoneEventKind : byte
{
    /// <summary><see cref="ZoneEvent.Source"/> cast skill <see cref="ZoneEvent.Skill"/> (at <see cref="ZoneEvent.Target"/> or <see cref="ZoneEvent.Position"/>).</summary>
    Cast = 0,

    /// <summary><see cref="ZoneEvent.Target"/> lost <see cref="ZoneEvent.Amount"/> hit points to <see cref="ZoneEvent.Source"/>.</summary>
    Damage = 1,

    /// <summary><see cref="ZoneEvent.Target"/> gained <see cref="ZoneEvent.Amount"/> hit points from <see cref="ZoneEvent.Source"/>.</summary>
    Heal = 2,

    /// <summary><see cref="ZoneEvent.Target"/> died (killed by <see cref="ZoneEvent.Source"/>, 0 if none).</summary>
    Death = 3,

    /// <summary><see cref="ZoneEvent.Target"/> respawned at <see cref="ZoneEvent.Position"/>.</summary>
    Respawn = 4,

    /// <summary><see cref="ZoneEvent.Target"/>'s cast was interrupted by damage.</summary>
    Interrupted = 5,

    /// <summary><see cref="ZoneEvent.Target"/> was knocked back to <see cref="ZoneEvent.Position"/>.</summary>
    Knockback = 6,
}
