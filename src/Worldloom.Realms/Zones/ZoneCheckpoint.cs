namespace Worldloom.Realms.Zones;

/// <summary>The last saved state of one zone of a realm: a zone grain restores from it when it activates again.</summary>
public sealed class ZoneCheckpoint
{
    /// <summary>The realm.</summary>
    public Guid RealmId { get; set; }

    /// <summary>Zone column.</summary>
    public int ZoneX { get; set; }

    /// <summary>Zone row.</summary>
    public int ZoneY { get; set; }

    /// <summary>The simulation tick the state was taken at.</summary>
    public long Tick { get; set; }

    /// <summary>The simulation's checkpoint bytes (<c>ZoneSimulation.Checkpoint</c>).</summary>
    public required byte[] State { get; set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
