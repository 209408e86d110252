using System.Collections.Immutable;
using Worldloom.Realms.Core.Entities;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>One decoded snapshot: the whole view at <see cref="Tick"/>, whether it came whole or as a delta.</summary>
/// <param name="Tick">The zone tick it shows.</param>
/// <param name="BaselineTick">The snapshot the delta was applied to, or null for a full snapshot.</param>
/// <param name="Own">The client's own state.</param>
/// <param name="Entities">Every visible entity, by ascending id, at the codec's precision (<see cref="Quantizer"/>).</param>
/// <param name="Left">Ids of the baseline's entities that are no longer visible (none in a full snapshot).</param>
/// <param name="Events">The tick's events near the client.</param>
public sealed record Snapshot(
    uint Tick,
    uint? BaselineTick,
    OwnState Own,
    ImmutableArray<EntityState> Entities,
    ImmutableArray<uint> Left,
    ImmutableArray<ZoneEvent> Events);
