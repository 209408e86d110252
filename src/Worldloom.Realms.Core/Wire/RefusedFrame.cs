namespace Worldloom.Realms.Core.Wire;

/// <summary>An input was refused; the client drops its prediction for it.</summary>
/// <param name="Sequence">The refused input's sequence.</param>
/// <param name="Code">Why (<c>cooldown</c>, <c>mana</c>, <c>range</c>, ...).</param>
public sealed record RefusedFrame(uint Sequence, string Code) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Refused;
}
