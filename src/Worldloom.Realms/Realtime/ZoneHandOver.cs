using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// The steps around a zone handing a crossing character to its neighbour. Does nothing here; a fault-injection point
/// for the tests that interrupt or hold hand-overs (a subclass registered in their host throws or waits), since a real
/// interruption (a silo dying mid-call, a slow database) cannot be timed.
/// </summary>
public class ZoneHandOver
{
    /// <summary>Called before the crossing's transfer is recorded, after the tick that took the character out of play; an exception fails the crossing as a failed transaction would.</summary>
    public virtual Task RecordingAsync(ZoneTransfer transfer) => Task.CompletedTask;

    /// <summary>Called when a join has read the character's record, before it looks for a crossing; a test that holds
    /// it makes the read stale, as a slow read that began before a crossing's record committed is.</summary>
    public virtual Task JoinReadAsync(Guid characterId) => Task.CompletedTask;

    /// <summary>Called before each attempt to hand <paramref name="transfer"/> over; an exception fails the attempt.</summary>
    public virtual Task BeforeAsync(ZoneTransfer transfer) => Task.CompletedTask;

    /// <summary>Called after the target zone took <paramref name="transfer"/>; an exception fails the attempt as a lost answer would.</summary>
    public virtual Task AfterAsync(ZoneTransfer transfer) => Task.CompletedTask;
}
