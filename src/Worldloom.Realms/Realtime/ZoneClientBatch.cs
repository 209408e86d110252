namespace Worldloom.Realms.Realtime;

/// <summary>
/// What one node's clients sent one zone since the node's last batch to it (<see cref="ZoneOutbox"/>): one grain
/// message instead of one per input and per ack. Immutable, so a call to a zone on the same silo passes it uncopied.
/// </summary>
/// <param name="Items">Each connection's items in the order it sent them.</param>
[GenerateSerializer]
[Immutable]
public sealed record ZoneClientBatch([property: Id(0)] List<ZoneClientItem> Items);

/// <summary>One input or ack of one connection, for the zone its character plays in.</summary>
/// <param name="ConnectionId">The connection that sent it: a zone ignores items of a connection that no longer plays the character.</param>
/// <param name="CharacterId">The character the connection plays.</param>
/// <param name="Input">The input; null for an ack.</param>
/// <param name="AckTick">For an ack: the client has the snapshot of this tick, so later snapshots are deltas against it.</param>
[GenerateSerializer]
[Immutable]
public readonly record struct ZoneClientItem(
    [property: Id(0)] Guid ConnectionId, [property: Id(1)] Guid CharacterId, [property: Id(2)] ZoneInput? Input, [property: Id(3)] uint AckTick);
