namespace Worldloom.Realms.Core.Wire;

/// <summary>The answer to a <see cref="PingFrame"/>.</summary>
/// <param name="Nonce">The ping's nonce.</param>
public sealed record PongFrame(uint Nonce) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Pong;
}
