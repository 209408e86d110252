namespace Worldloom.Realms.Core.Simulation;

/// <summary>Why an input was refused; sent to the client with the input's sequence number.</summary>
public static class RefusalCodes
{
    /// <summary>The skill is cooling down.</summary>
    public const string Cooldown = "cooldown";

    /// <summary>Not enough mana.</summary>
    public const string Mana = "mana";

    /// <summary>The target or point is beyond the skill's range.</summary>
    public const string Range = "range";

    /// <summary>A blocked tile lies between the caster and the target.</summary>
    public const string LineOfSight = "line_of_sight";

    /// <summary>The slot has no skill.</summary>
    public const string UnknownSkill = "unknown_skill";

    /// <summary>The target is not an entity the skill can aim at (missing, dead, or of the wrong kind).</summary>
    public const string UnknownTarget = "unknown_target";

    /// <summary>The player is dead.</summary>
    public const string Dead = "dead";

    /// <summary>The sequence number was at or below the last one applied (or queued twice).</summary>
    public const string Replayed = "replayed";

    /// <summary>Too many inputs waiting; the client sends faster than the tick rate.</summary>
    public const string Flood = "flood";

    /// <summary>A cast while another cast (Heal) is in progress.</summary>
    public const string Busy = "busy";

    /// <summary>A move angle outside 0..4095 (and not −1) or a point outside the zone.</summary>
    public const string Invalid = "invalid";
}
