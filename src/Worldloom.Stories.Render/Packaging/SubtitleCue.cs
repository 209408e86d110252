namespace Worldloom.Stories.Render.Packaging;

/// <summary>A dialogue line on screen from <paramref name="StartMs"/> to <paramref name="EndMs"/> (segment time).</summary>
/// <param name="StartMs">When it appears.</param>
/// <param name="EndMs">When it goes.</param>
/// <param name="Speaker">Who speaks (display name).</param>
/// <param name="Text">What they say.</param>
public sealed record SubtitleCue(long StartMs, long EndMs, string Speaker, string Text);
