namespace Worldloom.Stories.Core.Narration;

/// <summary>The feeling of a segment, read from the prompt's verbs (or drawn when it has none); it steers actions and lines.</summary>
public enum Mood
{
    /// <summary>Quiet, waiting, resting.</summary>
    Calm = 0,

    /// <summary>Meeting and talking.</summary>
    Talk = 1,

    /// <summary>A fight or a quarrel.</summary>
    Conflict = 2,

    /// <summary>Flight or pursuit.</summary>
    Chase = 3,

    /// <summary>Searching, finding.</summary>
    Discovery = 4,

    /// <summary>Loss and mourning.</summary>
    Grief = 5,

    /// <summary>Celebration.</summary>
    Joy = 6,

    /// <summary>Something uncanny.</summary>
    Mystery = 7,
}
