namespace Worldloom.Chat.Files;

/// <summary>Answer to creating an upload.</summary>
/// <param name="FileId">The upload's id.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="Chunks">Number of chunks, indexed from 0.</param>
/// <param name="ChunkOverhead">Bytes each sealed chunk adds to its plaintext (the AES-GCM tag).</param>
/// <param name="UploadUrl">Where chunk <c>{n}</c> is PUT.</param>
/// <param name="StatusUrl">Where the stored chunks are listed.</param>
/// <param name="CompleteUrl">Where the upload is completed.</param>
/// <param name="ExpiresAt">When the upload is swept if no chunk arrives before.</param>
public sealed record FileCreated(Guid FileId, int ChunkSize, int Chunks, int ChunkOverhead, string UploadUrl, string StatusUrl, string CompleteUrl, DateTimeOffset ExpiresAt);
