using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Render;

namespace Worldloom.Cli.Stories;

/// <summary>How appending a segment ended: made, stopped by the narrator, or blocked by continuity.</summary>
internal sealed record SegmentOutcome
{
    /// <summary>The manifest with the new segment (made only).</summary>
    public StoryManifest? Manifest { get; init; }

    /// <summary>The new segment's entry (made only).</summary>
    public StorySegmentEntry? Entry { get; init; }

    /// <summary>The rendered video (made only).</summary>
    public VideoSegment? Video { get; init; }

    /// <summary>The narrator's failure, when it gave no plan.</summary>
    public NarrationFailure? Failure { get; init; }

    /// <summary>The continuity report: passed when made, with the violations when blocked.</summary>
    public ContinuityReport? Report { get; init; }

    /// <summary>Whether the segment was made.</summary>
    public bool Made => Entry is not null;
}
