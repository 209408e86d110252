namespace Worldloom.Realms.Zones;

/// <summary>
/// A character on its way from one zone to its neighbour. Written with the character's new zone in one transaction,
/// then handed to the target zone, which accepts each transfer id once: an interrupted hand-over is retried from
/// this record, and neither duplicates nor loses the character.
/// </summary>
public sealed class ZoneTransfer
{
    /// <summary>Id (version 7); the idempotency key at the target zone.</summary>
    public Guid Id { get; set; }

    /// <summary>The realm.</summary>
    public Guid RealmId { get; set; }

    /// <summary>The character moving.</summary>
    public Guid CharacterId { get; set; }

    /// <summary>Source zone column.</summary>
    public int FromX { get; set; }

    /// <summary>Source zone row.</summary>
    public int FromY { get; set; }

    /// <summary>Target zone column.</summary>
    public int ToX { get; set; }

    /// <summary>Target zone row.</summary>
    public int ToY { get; set; }

    /// <summary>The character's state handed over (hp, mana, entry position, inventory), as JSON.</summary>
    public required string StateJson { get; set; }

    /// <summary>One of <see cref="ZoneTransferStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>When the crossing happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the target zone took it; null while pending.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
