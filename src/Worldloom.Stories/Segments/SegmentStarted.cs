namespace Worldloom.Stories.Segments;

/// <summary>The 202 answer to a request for a segment (or a new scene and its first segment).</summary>
/// <param name="SceneId">The scene.</param>
/// <param name="SegmentId">The segment being generated.</param>
/// <param name="JobId">Its job, at <c>/api/jobs/{id}</c>.</param>
public sealed record SegmentStarted(Guid SceneId, Guid SegmentId, Guid JobId);
