namespace Worldloom.Realms.Core.Rules;

/// <summary>How a skill works; the numbers come from the data file.</summary>
public enum SkillKind : byte
{
    /// <summary>Launches a projectile that homes on its target entity (or flies towards a point) and damages the first
    /// enemy it reaches (Magic Missile).</summary>
    Projectile = 0,

    /// <summary>Damages and knocks back every enemy within a radius of the caster (Arcane Nova).</summary>
    Nova = 1,

    /// <summary>After a cast time, heals the caster or an ally; damage or a move interrupts it (Heal).</summary>
    Heal = 2,
}
