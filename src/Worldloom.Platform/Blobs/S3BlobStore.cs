using System.Runtime.CompilerServices;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Worldloom.Platform.Blobs;

/// <summary>
/// Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, ...) under the key <c>sha256/ab/&lt;sha256&gt;</c>, through the
/// MinIO client. The hash is computed before the upload, so the key is known up front and an object that is already
/// there is not sent again. Reads land in a temp file and are checked against their key before the caller sees a byte.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly IMinioClient _client;
    private readonly string _bucket;
    private readonly string _region;
    private readonly long _maxBlobBytes;
    private readonly string _tempDir;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshAfter;
    private readonly SemaphoreSlim _bucketGate = new(1, 1);
    private volatile bool _bucketReady;

    /// <summary>Connects to the service that <paramref name="options"/> names; nothing is sent until the first call.</summary>
    /// <param name="options">Endpoint, bucket, keys, region, TLS and the size limit.</param>
    /// <param name="tempDirectory">Where uploads from unseekable streams and downloads wait; swept of crash leftovers here.</param>
    /// <param name="clock">Decides when a put of stored bytes uploads them again to refresh their time (see <see cref="IBlobStore.PutAsync"/>).</param>
    public S3BlobStore(BlobStoreOptions options, string tempDirectory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _refreshAfter = options.OrphanGracePeriod / 2;
        if (!S3Endpoint.TryParse(options.Endpoint, options.UseSsl, out var endpoint))
        {
            throw new ArgumentException("The S3 endpoint must be host[:port] or an http(s) URL with no path.", nameof(options));
        }

        ArgumentException.ThrowIfNullOrEmpty(options.AccessKey);
        ArgumentException.ThrowIfNullOrEmpty(options.SecretKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBlobBytes);
        _bucket = options.Bucket;
        _region = options.Region;
        _maxBlobBytes = options.MaxBlobBytes;
        _tempDir = Path.GetFullPath(tempDirectory);
        Directory.CreateDirectory(_tempDir);
        BlobTempFiles.SweepStale(_tempDir);
        _client = new MinioClient()
            .WithEndpoint(endpoint.HostAndPort)
            .WithSSL(endpoint.UseSsl)
            .WithRegion(options.Region)
            .WithCredentials(options.AccessKey, options.SecretKey)
            .Build();
    }

    /// <summary>The bucket the blobs live in.</summary>
    public string Bucket => _bucket;

    /// <summary>The object key of a blob: a prefix of two hex characters keeps listings of one prefix short.</summary>
    public static string KeyOf(string sha256)
    {
        BlobHash.Validate(sha256);
        return $"{KeyPrefix}{sha256[..2]}/{sha256}";
    }

    private const string KeyPrefix = "sha256/";

    /// <inheritdoc />
    /// <remarks>A seekable <paramref name="content"/> is read twice (hash, then upload) and must not change in between.</remarks>
    public async Task<BlobRef> PutAsync(Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);

        if (content.CanSeek)
        {
            var start = content.Position;
            if (content.Length - start > _maxBlobBytes)
            {
                throw new BlobTooLargeException(_maxBlobBytes);
            }

            var blob = await BlobCopy.CopyAsync(content, destination: null, _maxBlobBytes, cancellationToken);
            content.Position = start;
            await UploadAsync(content, blob, contentType, cancellationToken);
            return blob;
        }

        // The key is the hash, known only after the last byte: an unseekable source waits in a temp file meanwhile.
        await using var temp = BlobTempFiles.Create(_tempDir, FileOptions.DeleteOnClose);
        var copied = await BlobCopy.CopyAsync(content, temp, _maxBlobBytes, cancellationToken);
        temp.Position = 0;
        await UploadAsync(temp, copied, contentType, cancellationToken);
        return copied;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The stored object does not hash to its key.</exception>
    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        await EnsureBucketAsync(cancellationToken);

        // The client hands out the response body only inside a callback; a temp file lets the caller read at its own
        // pace after the request is over, and lets the bytes be checked against the key first.
        var temp = BlobTempFiles.Create(_tempDir, FileOptions.DeleteOnClose);
        try
        {
            BlobRef? received = null;
            await _client.GetObjectAsync(
                new GetObjectArgs()
                    .WithBucket(_bucket)
                    .WithObject(key)
                    .WithCallbackStream(async (body, token) => received = await BlobCopy.CopyAsync(body, temp, long.MaxValue, token)),
                cancellationToken);
            if (received?.Sha256 != sha256)
            {
                throw new InvalidDataException($"The object '{key}' in bucket '{_bucket}' does not hash to its key.");
            }

            temp.Position = 0;
            return temp;
        }
        catch (ObjectNotFoundException)
        {
            await temp.DisposeAsync();
            return null;
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        await EnsureBucketAsync(cancellationToken);
        return await ObjectExistsAsync(key, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// S3 answers a delete the same whether or not the object existed, so this asks first: two deletes racing on
    /// one blob may both report true.
    /// </remarks>
    public async Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        await EnsureBucketAsync(cancellationToken);
        if (!await ObjectExistsAsync(key, cancellationToken))
        {
            return false;
        }

        await _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(_bucket).WithObject(key), cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureBucketAsync(cancellationToken);
        var args = new ListObjectsArgs().WithBucket(_bucket).WithPrefix(KeyPrefix).WithRecursive(true);
        await foreach (var item in _client.ListObjectsEnumAsync(args, cancellationToken))
        {
            var sha = item.Key[(item.Key.LastIndexOf('/') + 1)..];
            if (!item.IsDir && BlobHash.IsValid(sha) && item.Key == KeyOf(sha) && item.LastModifiedDateTime is { } modified)
            {
                yield return new StoredBlob(sha, (long)item.Size, AsUtc(modified));
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// S3 has no conditional delete, so the time is checked just before the removal: a put of the same bytes landing
    /// between the two requests would be lost with it. The grace period makes that need an orphan older than it put
    /// again within one round trip of the sweep reaching it.
    /// </remarks>
    public async Task<bool> DeleteStaleAsync(string sha256, DateTimeOffset putBefore, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(sha256);
        await EnsureBucketAsync(cancellationToken);
        if (await LastPutAsync(key, cancellationToken) is not { } lastPut || lastPut >= putBefore)
        {
            return false;
        }

        await _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(_bucket).WithObject(key), cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _bucketGate.Dispose();
    }

    private const int MaxAttempts = 4;

    private async Task UploadAsync(Stream source, BlobRef blob, string contentType, CancellationToken cancellationToken)
    {
        var key = KeyOf(blob.Sha256);
        await EnsureBucketAsync(cancellationToken);
        if (await LastPutAsync(key, cancellationToken) is { } lastPut && _clock.GetUtcNow() - lastPut <= _refreshAfter)
        {
            return;
        }

        // New, or stored so long ago that a sweep could take it before the caller's row names it: S3 has no cheap way
        // to touch an object, so its bytes go up again, which renews its modification time.
        // Two puts of the same bytes may both get here; S3 keeps one object, and both wrote identical content.
        // That also makes the put safe to retry after a transient failure.
        var start = source.CanSeek ? source.Position : 0;
        await WithRetryAsync(
            async () =>
            {
                if (source.CanSeek)
                {
                    source.Position = start;
                }

                await _client.PutObjectAsync(
                    new PutObjectArgs()
                        .WithBucket(_bucket)
                        .WithObject(key)
                        .WithStreamData(source)
                        .WithObjectSize(blob.Size)
                        .WithContentType(contentType),
                    cancellationToken);
                return true;
            },
            source.CanSeek,
            cancellationToken);
    }

    private async Task<bool> ObjectExistsAsync(string key, CancellationToken cancellationToken) =>
        await LastPutAsync(key, cancellationToken) is not null;

    /// <summary>The object's modification time (the service's clock), or null when there is no such object.</summary>
    private Task<DateTimeOffset?> LastPutAsync(string key, CancellationToken cancellationToken) =>
        WithRetryAsync<DateTimeOffset?>(
            async () =>
            {
                try
                {
                    var stat = await _client.StatObjectAsync(new StatObjectArgs().WithBucket(_bucket).WithObject(key), cancellationToken);
                    return AsUtc(stat.LastModified);
                }
                catch (ObjectNotFoundException)
                {
                    return null;
                }
            },
            true,
            cancellationToken);

    /// <summary>An S3 time as UTC: the client hands some out as local times and some with no kind, which are UTC.</summary>
    private static DateTimeOffset AsUtc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));

    // S3 services answer 500/503 under load and expect clients to retry; the MinIO client surfaces a bodiless error
    // response as whatever exception its parser throws, so any failure but cancellation counts as transient here.
    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> call, bool retryable, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (retryable && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt)), cancellationToken);
            }
        }
    }

    // Once per store: a bucket that exists stays existing, and the check costs a round trip per call otherwise.
    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketReady)
        {
            return;
        }

        await _bucketGate.WaitAsync(cancellationToken);
        try
        {
            if (_bucketReady)
            {
                return;
            }

            if (!await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), cancellationToken))
            {
                try
                {
                    await _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket).WithLocation(_region), cancellationToken);
                }
                catch (MinioException)
                {
                    // Another server process sharing the bucket may have created it between our check and our create.
                    if (!await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), cancellationToken))
                    {
                        throw;
                    }
                }
            }

            _bucketReady = true;
        }
        finally
        {
            _bucketGate.Release();
        }
    }
}
