namespace Worldloom.Stories.Segments;

/// <summary>The input of a <c>stories.segment</c> job.</summary>
/// <param name="SegmentId">The segment to generate.</param>
public sealed record SegmentInput(Guid SegmentId);
