using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Realtime;

/// <summary>
/// The step before a zone hands a crossing character to its neighbour. Does nothing here; a fault-injection point for
/// the tests that interrupt hand-overs (a subclass registered in their host throws), since a real interruption (a
/// silo dying mid-call) cannot be timed.
/// </summary>
public class ZoneHandOver
{
    /// <summary>Called before each attempt to hand <paramref name="transfer"/> over; an exception fails the attempt.</summary>
    public virtual Task BeforeAsync(ZoneTransfer transfer) => Task.CompletedTask;

    /// <summary>Called after the target zone took <paramref name="transfer"/>; an exception fails the attempt as a lost answer would.</summary>
    public virtual Task AfterAsync(ZoneTransfer transfer) => Task.CompletedTask;
}
