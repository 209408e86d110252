namespace Worldloom.Realms.Core.Wire;

/// <summary>A frame from the client was bad (see <see cref="WireError"/>); the connection stays open.</summary>
/// <param name="Code">Machine-readable.</param>
/// <param name="Message">For people, naming the field.</param>
public sealed record ErrorFrame(string Code, string Message) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Error;

    /// <summary>The frame that reports <paramref name="error"/>.</summary>
    public static ErrorFrame From(WireError error) => new(error.Code, error.Message);
}
