namespace Worldloom.Realms.Realtime;

/// <summary>A character as a <see cref="Zones.ZoneTransfer"/> carries it to the target zone (its <c>StateJson</c>).</summary>
/// <param name="ClassId">Class id.</param>
/// <param name="Level">Level.</param>
/// <param name="Hp">Hit points.</param>
/// <param name="Mana">Mana.</param>
/// <param name="X">Entry x in the target zone, in sub-tiles.</param>
/// <param name="Y">Entry y in the target zone, in sub-tiles.</param>
/// <param name="Inventory">The inventory JSON.</param>
public sealed record HandedCharacter(string ClassId, int Level, int Hp, int Mana, int X, int Y, string Inventory);
