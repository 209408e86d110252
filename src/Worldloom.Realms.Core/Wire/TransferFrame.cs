namespace Worldloom.Realms.Core.Wire;

/// <summary>The character crossed into another zone: the client loads that zone's map; its snapshots follow.</summary>
/// <param name="ZoneX">The new zone's column.</param>
/// <param name="ZoneY">The new zone's row.</param>
public sealed record TransferFrame(byte ZoneX, byte ZoneY) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Transfer;
}
