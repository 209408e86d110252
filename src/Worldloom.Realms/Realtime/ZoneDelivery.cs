namespace Worldloom.Realms.Realtime;

/// <summary>What one zone tick sends to the connections of one node.</summary>
/// <param name="Items">Per connection, in order.</param>
[GenerateSerializer]
[Immutable]
public sealed record ZoneDelivery([property: Id(0)] List<ConnectionDelivery> Items);

/// <summary>What one connection gets from a zone tick.</summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="CharacterId">The character it plays: a connection that moved on to another character ignores the rest.</param>
/// <param name="Frames">Encoded server frames (welcome, snapshot, refused, transfer), in order.</param>
/// <param name="Kick">When set, close the connection with 4001 and this reason, after the frames.</param>
/// <param name="MovedTo">When set, the character now plays in this zone: route the connection's inputs there.</param>
[GenerateSerializer]
[Immutable]
public sealed record ConnectionDelivery(
    [property: Id(0)] Guid ConnectionId, [property: Id(1)] Guid CharacterId, [property: Id(2)] List<byte[]> Frames, [property: Id(3)] string? Kick = null,
    [property: Id(4)] string? MovedTo = null);
