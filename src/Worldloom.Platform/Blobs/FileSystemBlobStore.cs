using System.Runtime.CompilerServices;

namespace Worldloom.Platform.Blobs;

/// <summary>
/// The default blob store: one file per blob at <c>ab/cd/&lt;sha256&gt;</c> under its directory (<c>blobs/</c> in the
/// data dir). A put writes to a temp file in <c>.tmp/</c> of the same tree while hashing, flushes it to disk, then
/// renames it into place without overwriting, so a blob exists under its final name either whole or not at all. A
/// blob's modification time is its <see cref="StoredBlob.LastPut"/>, set from the store's clock.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string TempFolder = ".tmp";

    private readonly string _root;
    private readonly string _tempDir;
    private readonly long _maxBlobBytes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshAfter;

    /// <summary>Opens (or creates) the store in <paramref name="directory"/> and removes temp files a crash left there.</summary>
    /// <param name="directory">The store's root; temp files live in its <c>.tmp/</c> so the final rename stays on one filesystem.</param>
    /// <param name="maxBlobBytes">The largest blob a put accepts.</param>
    /// <param name="clock">Stamps each put's <see cref="StoredBlob.LastPut"/>.</param>
    /// <param name="refreshAfter">A put of stored bytes refreshes their time once it is older than this.</param>
    public FileSystemBlobStore(string directory, long maxBlobBytes, TimeProvider clock, TimeSpan refreshAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBlobBytes);
        ArgumentNullException.ThrowIfNull(clock);
        _root = Path.GetFullPath(directory);
        _tempDir = Path.Combine(_root, TempFolder);
        _maxBlobBytes = maxBlobBytes;
        _clock = clock;
        _refreshAfter = refreshAfter;
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
            var now = _clock.GetUtcNow().UtcDateTime;
            File.SetLastWriteTimeUtc(temp, now);
            while (true)
            {
                try
                {
                    File.Move(temp, path, overwrite: false);
                    break;
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Same hash, same bytes: stored before, or by a concurrent put that renamed first. Ours is redundant,
                    // but the put still counts for the sweep of unreferenced blobs.
                    if (Refresh(path, now))
                    {
                        break;
                    }

                    // A sweep took the blob away between the two calls: publish ours after all.
                }
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
        if (MoveAside(PathOf(sha256)) is not { } doomed)
        {
            return Task.FromResult(false);
        }

        BlobTempFiles.DeleteQuietly(doomed);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // ab/cd/<sha256>: only names that are hashes at the depth a put writes them are blobs; .tmp holds none.
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = file.Name;
            if (BlobHash.IsValid(name) && file.FullName == PathOf(name))
            {
                yield return new StoredBlob(name, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }

        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteStaleAsync(string sha256, DateTimeOffset putBefore, CancellationToken cancellationToken = default)
    {
        BlobHash.Validate(sha256);
        var path = PathOf(sha256);
        if (MoveAside(path) is not { } doomed)
        {
            return Task.FromResult(false);
        }

        // Judged after the rename: a put that refreshed the time before it shows here, and one after it finds no file
        // to refresh and publishes its own copy.
        if (File.GetLastWriteTimeUtc(doomed) >= putBefore.UtcDateTime)
        {
            try
            {
                File.Move(doomed, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A put published the same bytes meanwhile; ours are redundant.
                BlobTempFiles.DeleteQuietly(doomed);
            }

            return Task.FromResult(false);
        }

        BlobTempFiles.DeleteQuietly(doomed);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Renames the blob into the temp folder; its new path, or null when there was none. A rename succeeds for exactly
    /// one of several concurrent deletes, so exactly one of them reports true; File.Delete alone cannot tell "deleted"
    /// from "was not there".
    /// </summary>
    private string? MoveAside(string path)
    {
        var doomed = BlobTempFiles.NewPath(_tempDir);
        try
        {
            File.Move(path, doomed, overwrite: false);
            return doomed;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Marks a put of stored bytes; false if the blob vanished (a sweep took it) before it could be marked.</summary>
    private bool Refresh(string path, DateTime now)
    {
        try
        {
            if (now - File.GetLastWriteTimeUtc(path) > _refreshAfter)
            {
                File.SetLastWriteTimeUtc(path, now);
            }

            return File.Exists(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);
}
