namespace Worldloom.Realms.Core.Wire;

/// <summary>The dev console's answer to a command line.</summary>
/// <param name="Text">The reply.</param>
public sealed record ConsoleReplyFrame(string Text) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Console;
}
