namespace Worldloom.Chat.Files;

/// <summary>
/// A file being uploaded to, or shared in, a room. The server holds only sealed chunks; the key is the clients' affair
/// (docs/chat.md, "Files"). Incomplete uploads untouched for a day are swept with their chunks.
/// </summary>
public sealed class ChatFile
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The room it belongs to; only its members may read it.</summary>
    public Guid RoomId { get; set; }

    /// <summary>Who uploads it; only they may send chunks or complete it.</summary>
    public Guid UploaderId { get; set; }

    /// <summary>The file name, checked to be a plain name (<see cref="ChatFileRules.NameProblem"/>).</summary>
    public required string Name { get; set; }

    /// <summary>The media type the uploader declared, if any; never trusted for serving (chunks go out as octet streams).</summary>
    public string? ContentType { get; set; }

    /// <summary>Plaintext bytes.</summary>
    public long Size { get; set; }

    /// <summary>Plaintext bytes per chunk.</summary>
    public int ChunkSize { get; set; }

    /// <summary>Number of chunks.</summary>
    public int Chunks { get; set; }

    /// <summary>When the upload was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a chunk last arrived (or creation): the sweep measures abandonment from here.</summary>
    public DateTimeOffset TouchedAt { get; set; }

    /// <summary>When every chunk was in and the uploader completed it; null while uploading.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}
