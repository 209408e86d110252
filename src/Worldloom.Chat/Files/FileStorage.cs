using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Files;

/// <summary>Removes a file: its rows first, then its blobs, so a reader never finds a row whose blob is gone by design.</summary>
public static class FileStorage
{
    /// <summary>Deletes the file's rows and blobs; true if the file was there.</summary>
    public static async Task<bool> DeleteAsync(LoomDb db, IBlobStore blobs, Guid fileId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(blobs);
        List<string> hashes;
        int deleted;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            hashes = await db.Set<ChatFileChunk>().Where(c => c.FileId == fileId).Select(c => c.Sha256).ToListAsync(ct);
            await db.Set<ChatFileChunk>().Where(c => c.FileId == fileId).ExecuteDeleteAsync(ct);
            deleted = await db.Set<ChatFile>().Where(f => f.Id == fileId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Each blob is this file's alone (ChunkBlob's header), so no other row can still refer to it.
        foreach (var hash in hashes.Distinct(StringComparer.Ordinal))
        {
            await blobs.DeleteAsync(hash, ct);
        }

        return deleted > 0;
    }
}
