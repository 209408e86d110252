namespace Worldloom.Chat.Files;

/// <summary>Answer to storing a chunk.</summary>
/// <param name="Index">The chunk.</param>
/// <param name="Bytes">Its sealed length.</param>
public sealed record ChunkView(int Index, long Bytes);
