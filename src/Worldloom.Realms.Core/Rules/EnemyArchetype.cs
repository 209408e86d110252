using Worldloom.Forge.Core.World;
using Worldloom.Realms.Core.Entities;

namespace Worldloom.Realms.Core.Rules;

/// <summary>How a kind of enemy fights, from the data file; its strength comes from the species it is drawn for
/// (scaled by the percentages), or from <see cref="Stats"/> when spawned without a species.</summary>
/// <param name="Id">Stable id (<c>biter</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Families">The bestiary families (<see cref="Species.Family"/>) drawn as this archetype.</param>
/// <param name="Stats">Stats of an enemy spawned by archetype alone (no species).</param>
/// <param name="HealthPercent">Hit points = species health × this / 100.</param>
/// <param name="DamagePercent">Damage per attack = species attack × this / 100.</param>
/// <param name="SpeedPercent">Speed = species speed (tenths of a tile per second) × this / 100, turned into sub-tiles
/// per tick.</param>
/// <param name="AggroPercent">Aggro radius = species perception (tiles) × this / 100.</param>
/// <param name="LeashRadius">How far from home (sub-tiles) its target may lead it before it gives up and returns.</param>
/// <param name="AttackRange">How close (sub-tiles) it must be to its target to start winding up.</param>
/// <param name="WindUpTicks">Ticks the telegraph shows before the attack lands.</param>
/// <param name="RecoverTicks">Ticks it stands after an attack.</param>
/// <param name="Telegraph">Shape of the attack.</param>
/// <param name="TelegraphRadius">Circle radius or cone length, in sub-tiles.</param>
/// <param name="TelegraphWidth">A cone's full width in angle units (4096 per turn).</param>
public sealed record EnemyArchetype(
    string Id,
    string Name,
    IReadOnlyList<string> Families,
    SpeciesStats Stats,
    int HealthPercent,
    int DamagePercent,
    int SpeedPercent,
    int AggroPercent,
    int LeashRadius,
    int AttackRange,
    int WindUpTicks,
    int RecoverTicks,
    TelegraphShape Telegraph,
    int TelegraphRadius,
    int TelegraphWidth);
