namespace Worldloom.Realms.Characters;

/// <summary>
/// A player's character in one realm: what survives between sessions. The zone grain that holds it while it plays
/// writes it back when it leaves and at checkpoints; <see cref="Version"/> guards against a stale writer.
/// </summary>
public sealed class RealmCharacter
{
    /// <summary>Id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>The realm it lives in.</summary>
    public Guid RealmId { get; set; }

    /// <summary>The user who plays it.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>Display name, unique within the realm.</summary>
    public required string Name { get; set; }

    /// <summary>The class id in the realm rules (<c>mage</c>).</summary>
    public required string ClassId { get; set; }

    /// <summary>Level, from 1.</summary>
    public int Level { get; set; } = 1;

    /// <summary>Hit points (0 or less: it died, and comes back whole).</summary>
    public int Hp { get; set; }

    /// <summary>Mana.</summary>
    public int Mana { get; set; }

    /// <summary>The zone column it is in.</summary>
    public int ZoneX { get; set; }

    /// <summary>The zone row it is in.</summary>
    public int ZoneY { get; set; }

    /// <summary>Zone-local position in sub-tiles; null means the zone's nearest player spawn.</summary>
    public int? PositionX { get; set; }

    /// <summary>Zone-local position in sub-tiles; null with <see cref="PositionX"/>.</summary>
    public int? PositionY { get; set; }

    /// <summary>The inventory as the simulation's opaque JSON.</summary>
    public string Inventory { get; set; } = "{}";

    /// <summary>Bumped by every write: the optimistic concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
