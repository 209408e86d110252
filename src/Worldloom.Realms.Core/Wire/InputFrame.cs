using Worldloom.Realms.Core.Input;

namespace Worldloom.Realms.Core.Wire;

/// <summary>One tick's input. On the wire a cast is slot, target and point; slot 0 means none, and then the target
/// and point must be 0.</summary>
/// <param name="Input">The input.</param>
public sealed record InputFrame(PlayerInput Input) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => ClientFrameType.Input;
}
