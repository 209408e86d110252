namespace Worldloom.Realms.Core.Wire;

/// <summary>A dev console command line (<c>/spawn wolf 3</c>).</summary>
/// <param name="Line">The line as typed.</param>
public sealed record ConsoleCommandFrame(string Line) : ClientFrame
{
    /// <inheritdoc />
    public override ClientFrameType Type => ClientFrameType.Console;
}
