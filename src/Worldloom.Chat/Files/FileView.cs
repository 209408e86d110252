namespace Worldloom.Chat.Files;

/// <summary>A file's state: what <c>GET /api/chat/files/{id}</c> answers, and what a resuming uploader reads.</summary>
/// <param name="Id">File id.</param>
/// <param name="RoomId">Room.</param>
/// <param name="UploaderId">Uploader.</param>
/// <param name="Name">File name.</param>
/// <param name="ContentType">Declared media type.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="Received">Stored chunks as inclusive ranges <c>[from, to]</c>, ascending: compact for long runs.</param>
/// <param name="ReceivedCount">How many chunks are stored.</param>
/// <param name="Complete">Whether the upload was completed (then it can be downloaded).</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="ExpiresAt">When an incomplete upload will be swept unless a chunk arrives; null once complete.</param>
public sealed record FileView(
    Guid Id, Guid RoomId, Guid UploaderId, string Name, string? ContentType, long Size, int ChunkSize, int Chunks,
    IReadOnlyList<int[]> Received, int ReceivedCount, bool Complete, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>The view of <paramref name="file"/> holding the chunks <paramref name="stored"/> (ascending).</summary>
    public static FileView From(ChatFile file, IReadOnlyList<int> stored, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stored);
        var ranges = new List<int[]>();
        foreach (var index in stored)
        {
            if (ranges.Count > 0 && ranges[^1][1] == index - 1)
            {
                ranges[^1][1] = index;
            }
            else
            {
                ranges.Add([index, index]);
            }
        }

        return new FileView(file.Id, file.RoomId, file.UploaderId, file.Name, file.ContentType, file.Size, file.ChunkSize, file.Chunks,
            ranges, stored.Count, file.CompletedAt is not null, file.CreatedAt, file.CompletedAt is null ? file.TouchedAt + lifetime : null);
    }
}
