using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Zones;

/// <summary>Where a character is and how it is, as a zone saves it.</summary>
/// <param name="CharacterId">The character.</param>
/// <param name="Position">Zone-local, in sub-tiles.</param>
/// <param name="Hp">Hit points.</param>
/// <param name="Mana">Mana.</param>
public readonly record struct CharacterPlace(Guid CharacterId, Vec Position, int Hp, int Mana);
