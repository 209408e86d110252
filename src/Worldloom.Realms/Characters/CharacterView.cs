namespace Worldloom.Realms.Characters;

/// <summary>A character as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="RealmId">Its realm.</param>
/// <param name="Name">Display name.</param>
/// <param name="Class">Class id.</param>
/// <param name="Level">Level.</param>
/// <param name="Hp">Hit points.</param>
/// <param name="Mana">Mana.</param>
/// <param name="ZoneX">Zone column.</param>
/// <param name="ZoneY">Zone row.</param>
/// <param name="PositionX">Zone-local x in sub-tiles; null at the zone's spawn.</param>
/// <param name="PositionY">Zone-local y in sub-tiles; null at the zone's spawn.</param>
/// <param name="UpdatedAt">Last saved.</param>
public sealed record CharacterView(
    Guid Id, Guid RealmId, string Name, string Class, int Level, int Hp, int Mana, int ZoneX, int ZoneY, int? PositionX, int? PositionY, DateTimeOffset UpdatedAt)
{
    /// <summary>The view of <paramref name="c"/>.</summary>
    public static CharacterView From(RealmCharacter c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CharacterView(c.Id, c.RealmId, c.Name, c.ClassId, c.Level, c.Hp, c.Mana, c.ZoneX, c.ZoneY, c.PositionX, c.PositionY, c.UpdatedAt);
    }
}
