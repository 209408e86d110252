namespace Worldloom.Platform.Blobs;

/// <summary>
/// The default blob store: one file per blob at <c>ab/cd/&lt;sha256&gt;</c> under its directory (<c>blobs/</c> in the
/// data dir). A put writes to a temp file in <c>.tmp/</c> of the same tree while hashing, flushes it to disk, then
/// renames it into place without overwriting, so a blob exists under its final name either whole or not at all.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string TempFolder = ".tmp";

    private readonly string _root;
    private readonly string _tempDir;
    private readonly long _maxBlobBytes;

    /// <summary>Opens (or creates) the store in <paramref name="directory"/> and removes temp files a crash left there.</summary>
    /// <param name="directory">The store's root; temp files live in its <c>.tmp/</c> so the final rename stays on one filesystem.</param>
    /// <param name="maxBlobBytes">The largest blob a put accepts.</param>
    public FileSystemBlobStore(string directory, long maxBlobBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBlobBytes);
        _root = Path.GetFullPath(directory);
        _tempDir = Path.Combine(_root, TempFolder);
        _maxBlobBytes = maxBlobBytes;
        Directory.CreateDirectory(_tempDir);
        BlobTempFiles.SweepStale(_tempDir);
    }

    /// <inheritdoc />
    public async Task<BlobRef> PutAsync(Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);

        var file = BlobTempFiles.Create(_tempDir);
        var temp = file.Name;
        try
        {
            BlobRef blob;
            await using (file)
            {
                blob = await BlobCopy.CopyAsync(content, file, _maxBlobBytes, cancellationToken);
                // The rename below must never publish a name whose bytes are still only in the page cache.
                file.Flush(flushToDisk: true);
            }

            var path = PathOf(blob.Sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Same hash, same bytes: stored before, or by a concurrent put that renamed first. Ours is redundant.
            }

            return blob;
        }
        finally
        {
            // A failed or redundant write leaves nothing behind; after a successful rename the temp name is gone already.
            BlobTempFiles.DeleteQuietly(temp);
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        BlobHash.Validate(sha256);
        try
        {
            // FileShare.Delete: a reader must not stop a delete; on Unix the open stream keeps reading the old file.
            Stream stream = new FileStream(PathOf(sha256), new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        BlobHash.Validate(sha256);
        return Task.FromResult(File.Exists(PathOf(sha256)));
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        BlobHash.Validate(sha256);
        var path = PathOf(sha256);
        var doomed = BlobTempFiles.NewPath(_tempDir);
        try
        {
            // A rename succeeds for exactly one of several concurrent deletes, so exactly one of them reports true;
            // File.Delete alone cannot tell "deleted" from "was not there".
            File.Move(path, doomed, overwrite: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        BlobTempFiles.DeleteQuietly(doomed);
        return Task.FromResult(true);
    }

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
}
