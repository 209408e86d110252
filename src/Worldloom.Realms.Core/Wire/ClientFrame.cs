namespace Worldloom.Realms.Core.Wire;

/// <summary>A client → server frame; <see cref="ClientFrames"/> writes and reads them.</summary>
public abstract record ClientFrame
{
    private protected ClientFrame()
    {
    }

    /// <summary>Its type byte.</summary>
    public abstract ClientFrameType Type { get; }
}
