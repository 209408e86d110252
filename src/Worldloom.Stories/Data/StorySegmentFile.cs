namespace Worldloom.Stories.Data;

/// <summary>One file of a rendered segment, by its relative name, kept in the blob store.</summary>
public sealed class StorySegmentFile
{
    /// <summary>The segment.</summary>
    public Guid SegmentId { get; set; }

    /// <summary>The file's name in the segment (<c>video_000.ts</c>, <c>poster.png</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The blob's SHA-256 (lowercase hex).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; set; }

    /// <summary>MIME type.</summary>
    public string ContentType { get; set; } = "";
}
