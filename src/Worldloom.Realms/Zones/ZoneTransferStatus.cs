namespace Worldloom.Realms.Zones;

/// <summary>The states of a <see cref="ZoneTransfer"/>.</summary>
public static class ZoneTransferStatus
{
    /// <summary>Recorded; the target zone has not confirmed it yet.</summary>
    public const string Pending = "pending";

    /// <summary>The target zone holds the character.</summary>
    public const string Done = "done";
}
