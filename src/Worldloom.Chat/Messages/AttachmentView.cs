namespace Worldloom.Chat.Messages;

/// <summary>
/// A file as a message shows it: everything a member needs to fetch and open it (a client's <c>FileDescriptor</c>),
/// the metadata copied from the upload when the message was stored.
/// </summary>
/// <param name="FileId">The file.</param>
/// <param name="Name">Its plain file name.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ContentType">The media type its uploader declared.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="Key">The secret as the sender sent it (sealed in encrypted rooms).</param>
[GenerateSerializer]
[Immutable]
public sealed record AttachmentView(
    [property: Id(0)] Guid FileId, [property: Id(1)] string Name, [property: Id(2)] long Size, [property: Id(3)] string? ContentType,
    [property: Id(4)] int ChunkSize, [property: Id(5)] int Chunks, [property: Id(6)] string Key);
