namespace Worldloom.Platform.Blobs;

/// <summary>
/// Content-addressed storage for opaque bytes: a blob is named by the SHA-256 of its content, so the same bytes are
/// stored once however often they are put. Implementations: <see cref="FileSystemBlobStore"/> (the default, in the data
/// dir) and <see cref="S3BlobStore"/> (any S3-compatible service). Every hash argument must be 64 lowercase hex
/// characters (<see cref="BlobHash"/>); anything else throws <see cref="ArgumentException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end, stores it under its SHA-256 and returns the reference. Idempotent:
    /// the same bytes give the same reference and are stored once. A source that fails, or that grows past
    /// <see cref="BlobStoreOptions.MaxBlobBytes"/> (<see cref="BlobTooLargeException"/>), stores nothing.
    /// </summary>
    /// <remarks>
    /// Putting bytes that are already stored refreshes their <see cref="StoredBlob.LastPut"/> when it is older than half
    /// of <see cref="BlobStoreOptions.OrphanGracePeriod"/>. That is what lets a caller put first and write the row naming
    /// the hash after: the sweep (<see cref="BlobSweep"/>) spares any blob put within the grace period, even one that was
    /// an orphan before this put.
    /// </remarks>
    /// <param name="content">The bytes to store, read from its current position; the caller keeps ownership.</param>
    /// <param name="contentType">
    /// The media type, kept as object metadata where the backend has it (S3). It is not part of the identity: callers
    /// that need the type keep it beside the reference.
    /// </param>
    /// <param name="cancellationToken">Cancels the upload; nothing is stored then.</param>
    Task<BlobRef> PutAsync(Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob for reading, or returns null when there is none with that hash. The caller disposes the stream.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Whether a blob with that hash is stored.</summary>
    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the blob; true if it was there. Blobs are shared by content, so callers delete only once nothing refers
    /// to the hash any more.
    /// </summary>
    Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every stored blob, in no particular order; temp and partial files are not blobs and are not listed.</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the blob only if it was last put before <paramref name="putBefore"/>; true if it was removed. A put of the
    /// same bytes racing with this call either lands first (the blob is kept) or after (it stores the bytes again).
    /// </summary>
    Task<bool> DeleteStaleAsync(string sha256, DateTimeOffset putBefore, CancellationToken cancellationToken = default);
}
