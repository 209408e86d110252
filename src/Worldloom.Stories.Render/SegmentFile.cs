namespace Worldloom.Stories.Render;

/// <summary>One file of a rendered segment: its name in the segment's directory and its MIME type (for the blob store).</summary>
/// <param name="Name">File name, relative to the segment's directory.</param>
/// <param name="ContentType">MIME type.</param>
public sealed record SegmentFile(string Name, string ContentType);
