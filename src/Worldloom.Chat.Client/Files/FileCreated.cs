namespace Worldloom.Chat.Client.Files;

/// <summary>The server's answer to creating an upload; only the fields the client uses.</summary>
/// <param name="FileId">The new upload's id.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk, as accepted.</param>
/// <param name="Chunks">Number of chunks, as accepted.</param>
public sealed record FileCreated(Guid FileId, int ChunkSize, int Chunks);
