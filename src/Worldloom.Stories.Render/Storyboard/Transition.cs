namespace Worldloom.Stories.Render.Storyboard;

/// <summary>How one shot gives way to the next.</summary>
public enum Transition
{
    /// <summary>A hard cut: the same place seen anew.</summary>
    Cut = 0,

    /// <summary>A crossfade: the place or the light changes.</summary>
    Crossfade = 1,
}
