namespace Worldloom.Stories.Render;

/// <summary>How far a render has come: frames drawn and handed to the encoder, out of all frames of the segment.</summary>
/// <param name="FramesDone">Frames done.</param>
/// <param name="FramesTotal">Frames in the segment.</param>
public sealed record RenderProgress(int FramesDone, int FramesTotal)
{
    /// <summary>Done as a whole percentage, 0 to 100.</summary>
    public int Percent => FramesTotal == 0 ? 100 : (int)(FramesDone * 100L / FramesTotal);
}
