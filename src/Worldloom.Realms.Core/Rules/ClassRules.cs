namespace Worldloom.Realms.Core.Rules;

/// <summary>A playable class's numbers, from the data file.</summary>
/// <param name="Id">Stable id (<c>mage</c>), stored with each character.</param>
/// <param name="Name">Display name.</param>
/// <param name="MaxHp">Hit points when whole.</param>
/// <param name="MaxMana">Mana when full.</param>
/// <param name="ManaRegenPerSecond">Mana regained per second (spread over the ticks of the second).</param>
/// <param name="Speed">Sub-tiles per tick on a tile of normal cost.</param>
/// <param name="Skills">Indices into <see cref="RealmRules.Skills"/>: slot 1 is the first.</param>
public sealed record ClassRules(string Id, string Name, int MaxHp, int MaxMana, int ManaRegenPerSecond, int Speed, IReadOnlyList<int> Skills);
