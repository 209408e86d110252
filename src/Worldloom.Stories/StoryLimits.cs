using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories;

/// <summary>Sizes the Stories endpoints accept.</summary>
public static class StoryLimits
{
    /// <summary>Longest scene title.</summary>
    public const int MaxTitle = 120;

    /// <summary>Longest logline.</summary>
    public const int MaxLogline = 300;

    /// <summary>Longest prompt (the narrator's bound).</summary>
    public const int MaxPrompt = NarrationRequest.MaxPromptLength;

    /// <summary>Longest report reason or moderator note.</summary>
    public const int MaxReason = 1000;

    /// <summary>Longest topic slug.</summary>
    public const int MaxSlug = 40;

    /// <summary>Longest topic title.</summary>
    public const int MaxTopicTitle = 80;

    /// <summary>Longest topic description.</summary>
    public const int MaxTopicDescription = 500;

    /// <summary>
    /// Deepest fork chain: a scene's segments are gathered up its parents, so the chain is bounded; a fork of a scene
    /// this deep is refused.
    /// </summary>
    public const int MaxForkDepth = 32;

    /// <summary>Most scenes one fork tree shows (and one access check reads).</summary>
    public const int MaxTreeScenes = 2000;

    /// <summary>Most scenes one list page returns.</summary>
    public const int MaxPage = 100;

    /// <summary>Most reports one queue page returns.</summary>
    public const int MaxQueue = 500;

    /// <summary>Attempts of one segment's job (render failures are retried with backoff).</summary>
    public const int JobAttempts = 3;
}
