namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// A correction with its stamp: the bible version it made and the first segment (1-based) it applies to. Segments
/// before <see cref="FromSegment"/> keep being validated against the bible as it was for them, so a correction never
/// turns an earlier, accepted segment into a violation.
/// </summary>
/// <param name="Version">1, 2, 3, ... in the order the corrections were made.</param>
/// <param name="FromSegment">The first segment the edit applies to.</param>
/// <param name="Edit">The edit.</param>
public sealed record BibleChange(int Version, int FromSegment, BibleEdit Edit);
