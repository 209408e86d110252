namespace Worldloom.Realms.Realms;

/// <summary>
/// A realm: authoritative zones running on one Forge world, pinned to the snapshot it was made from, so a world edited
/// later does not move the ground under the players.
/// </summary>
public sealed class Realm
{
    /// <summary>Id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>Who created it; ownership checks use it.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>The project of its world.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>The Forge world it runs on.</summary>
    public Guid WorldId { get; set; }

    /// <summary>The world snapshot's document hash the zones are cut from.</summary>
    public required string WorldHash { get; set; }

    /// <summary>Display name, 1–100 characters.</summary>
    public required string Name { get; set; }

    /// <summary>One of <see cref="RealmPresets"/>.</summary>
    public required string Preset { get; set; }

    /// <summary>
    /// One of <see cref="RealmVisibility"/>: who besides its owner (and admins) may read it, make characters and play.
    /// </summary>
    public required string Visibility { get; set; }

    /// <summary>Zone columns of the world's grid (<c>ZoneCut.Grid</c>), fixed at creation.</summary>
    public int Columns { get; set; }

    /// <summary>Zone rows of the world's grid.</summary>
    public int Rows { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
