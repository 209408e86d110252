using Worldloom.Realms.Core.Input;

namespace Worldloom.Realms.Core.Wire;

/// <summary>One tick's input. On the wire a cast is slot, target and point; slot 0 means none, and then the target
/// and point must be 0.</summary>
/// <param name="Input">The input.</param>
/// <param name="Ack">The tick of the last snapshot the client decoded, carried with the input (as Quake 3's usercmd
/// carries it) so that a client sending an input each tick needs no <see cref="AckFrame"/> of its own; null for none.</param>
public sealed record InputFrame(PlayerInput Input, uint? Ack = null) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => Ack is null ? ClientFrameType.Input : ClientFrameType.InputAck;
}
