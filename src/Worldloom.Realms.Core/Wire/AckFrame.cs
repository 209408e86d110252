namespace Worldloom.Realms.Core.Wire;

/// <summary>The client received and decoded a snapshot; the server may delta-encode against it.</summary>
/// <param name="Tick">The snapshot's tick.</param>
public sealed record AckFrame(uint Tick) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => ClientFrameType.Ack;
}
