namespace Worldloom.Realms.Core.Simulation;

/// <summary>The dev console's commands.</summary>
public enum ConsoleCommandKind : byte
{
    /// <summary><c>/spawn &lt;enemy&gt; [n]</c>: n enemies (species id or name, or archetype) near the issuer.</summary>
    Spawn = 0,

    /// <summary><c>/reset</c>: the zone's enemies back to how it started; players healed and kept.</summary>
    Reset = 1,

    /// <summary><c>/god</c>: toggles the issuer's god mode.</summary>
    God = 2,

    /// <summary><c>/tp x y</c>: moves the issuer to a walkable tile.</summary>
    Teleport = 3,

    /// <summary><c>/heal</c>: the issuer's hit points and mana to full.</summary>
    Heal = 4,

    /// <summary><c>/killall</c>: kills every enemy.</summary>
    KillAll = 5,
}
