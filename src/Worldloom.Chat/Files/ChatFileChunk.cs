namespace Worldloom.Chat.Files;

/// <summary>One stored chunk of a <see cref="ChatFile"/>: where its blob is.</summary>
public sealed class ChatFileChunk
{
    /// <summary>The file.</summary>
    public Guid FileId { get; set; }

    /// <summary>Position, from 0.</summary>
    public int Index { get; set; }

    /// <summary>The blob holding <see cref="ChunkBlob"/>'s header and the sealed bytes.</summary>
    public required string Sha256 { get; set; }
}
