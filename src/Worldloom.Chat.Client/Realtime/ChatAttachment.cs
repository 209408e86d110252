namespace Worldloom.Chat.Client.Realtime;

/// <summary>A file as a message shows it (<c>docs/chat.md</c>, "Sharing: attachments"): its metadata and its key.</summary>
/// <param name="FileId">The upload's id.</param>
/// <param name="Name">File name as the sender gave it; never trusted as a path.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ContentType">Media type, when given.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="Key">The key text (plain rooms) or an <c>e1.</c> envelope holding it (end-to-end rooms).</param>
public sealed record ChatAttachment(Guid FileId, string Name, long Size, string? ContentType, int ChunkSize, int Chunks, string Key);
