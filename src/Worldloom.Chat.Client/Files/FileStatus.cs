namespace Worldloom.Chat.Client.Files;

/// <summary>The server's answer to <c>GET /api/chat/files/{id}</c>: which chunks it holds.</summary>
/// <param name="Id">File id.</param>
/// <param name="Name">File name.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="Received">The stored chunks as inclusive ranges <c>[from, to]</c>, ascending.</param>
/// <param name="Complete">Whether the upload was completed.</param>
public sealed record FileStatus(Guid Id, string Name, long Size, int ChunkSize, int Chunks, int[][] Received, bool Complete)
{
    /// <summary>Whether chunk <paramref name="index"/> is stored.</summary>
    public bool Has(int index) => Received.Any(r => r.Length == 2 && r[0] <= index && index <= r[1]);
}
