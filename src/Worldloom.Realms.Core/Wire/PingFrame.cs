namespace Worldloom.Realms.Core.Wire;

/// <summary>A round-trip probe; the server answers with a <see cref="PongFrame"/> carrying the same nonce.</summary>
/// <param name="Nonce">Chosen by the client.</param>
public sealed record PingFrame(uint Nonce) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => ClientFrameType.Ping;
}
