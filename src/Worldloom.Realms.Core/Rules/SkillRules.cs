namespace Worldloom.Realms.Core.Rules;

/// <summary>One skill's numbers, from the data file. Lengths are in sub-tiles, durations in ticks.</summary>
/// <param name="Id">Stable id (<c>magic_missile</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">How it works.</param>
/// <param name="Damage">Hit points taken from each enemy hit (before the enemy's defense).</param>
/// <param name="Heal">Hit points restored.</param>
/// <param name="Range">Farthest target or point, in sub-tiles (0 for skills centred on the caster).</param>
/// <param name="Radius">Area radius around the caster, in sub-tiles (Nova).</param>
/// <param name="Knockback">How far each enemy hit is pushed away from the caster, in sub-tiles.</param>
/// <param name="CooldownTicks">Ticks before the skill can be cast again.</param>
/// <param name="Mana">Mana spent per cast.</param>
/// <param name="CastTicks">Ticks between the cast starting and taking effect (0 = instant).</param>
/// <param name="ProjectileSpeed">Sub-tiles per tick the projectile flies.</param>
/// <param name="HitRadius">How close the projectile must come to an enemy to hit it, in sub-tiles.</param>
/// <param name="LifetimeTicks">Ticks before a projectile that hit nothing vanishes.</param>
public sealed record SkillRules(
    string Id,
    string Name,
    SkillKind Kind,
    int Damage,
    int Heal,
    int Range,
    int Radius,
    int Knockback,
    int CooldownTicks,
    int Mana,
    int CastTicks,
    int ProjectileSpeed,
    int HitRadius,
    int LifetimeTicks);
