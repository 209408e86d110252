namespace Worldloom.Realms.Core.Wire;

/// <summary>The first frame of a connection.</summary>
/// <param name="AccessToken">The bearer token the REST API accepts.</param>
public sealed record AuthFrame(string AccessToken) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => ClientFrameType.Auth;
}
