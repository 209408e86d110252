namespace Worldloom.Realms.Core.Wire;

/// <summary>Enter the realm as one of the user's characters.</summary>
/// <param name="CharacterId">The character.</param>
public sealed record JoinFrame(Guid CharacterId) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => ClientFrameType.Join;
}
