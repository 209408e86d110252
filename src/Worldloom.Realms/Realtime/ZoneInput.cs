namespace Worldloom.Realms.Realtime;

/// <summary>A client input as it travels to the zone grain (the wire's <c>input</c> frame, field for field).</summary>
/// <param name="Sequence">The client's sequence number.</param>
/// <param name="MoveAngle">0..4095, or −1 to stand still.</param>
/// <param name="Slot">Skill slot, 0 for none.</param>
/// <param name="Target">Target entity, or 0.</param>
/// <param name="PointX">Aimed point x in sub-tiles.</param>
/// <param name="PointY">Aimed point y in sub-tiles.</param>
[GenerateSerializer]
[Immutable]
public readonly record struct ZoneInput(
    [property: Id(0)] uint Sequence, [property: Id(1)] int MoveAngle, [property: Id(2)] int Slot, [property: Id(3)] uint Target, [property: Id(4)] int PointX,
    [property: Id(5)] int PointY);
