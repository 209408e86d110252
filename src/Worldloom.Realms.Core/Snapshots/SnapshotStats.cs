namespace Worldloom.Realms.Core.Snapshots;

/// <summary>What one <see cref="SnapshotEncoder.Encode"/> put in its payload and what it left for later.</summary>
/// <param name="Bytes">The payload's length.</param>
/// <param name="MandatoryBytes">What goes in whatever the budget: the header, the own state, the own entity, the
/// ids of the entities that left, and room for the section counts (an upper bound). A payload is at most the larger
/// of this and the budget.</param>
/// <param name="Visible">Entities the snapshot was asked to show.</param>
/// <param name="Sent">Entities whose entry or changes are in the payload.</param>
/// <param name="Deferred">Entities that differ from what the client holds but did not fit (they keep their state on
/// the client and gain priority).</param>
/// <param name="EventsSent">Events in the payload.</param>
/// <param name="EventsDropped">Events that did not fit (events are not resent: the entities' fields carry the truth).</param>
public readonly record struct SnapshotStats(int Bytes, int MandatoryBytes, int Visible, int Sent, int Deferred, int EventsSent, int EventsDropped);
