namespace Worldloom.Chat.Files;

/// <summary>Body of <c>POST /api/chat/rooms/{id}/files</c>.</summary>
/// <param name="Name">A plain file name: 1–255 characters, no path separators, no <c>..</c>, no control characters, no device names.</param>
/// <param name="Size">Plaintext bytes, 1 to <see cref="ChatFileOptions.MaxFileBytes"/>.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk, 64 KiB to 8 MiB.</param>
/// <param name="Chunks"><c>ceil(size / chunkSize)</c>; the client states it so both sides agree before any byte moves.</param>
/// <param name="ContentType">Optional media type, up to 127 characters.</param>
public sealed record FileCreate(string? Name, long? Size, int? ChunkSize, int? Chunks, string? ContentType);
