namespace Worldloom.Realms.Core.Wire;

/// <summary>A server → client frame; <see cref="ServerFrames"/> writes and reads them.</summary>
public abstract record ServerFrame
{
    private protected ServerFrame()
    {
    }

    /// <summary>Its type byte.</summary>
    public abstract ServerFrameType Type { get; }
}
