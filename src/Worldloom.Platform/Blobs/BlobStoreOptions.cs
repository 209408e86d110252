namespace Worldloom.Platform.Blobs;

/// <summary>
/// Settings under <c>Loom:Blobs</c> (environment: <c>Loom__Blobs__Provider=s3</c>, <c>Loom__Blobs__Endpoint=...</c>).
/// The S3 keys come from configuration or the environment only; no part of the server logs or reports them.
/// </summary>
public sealed class BlobStoreOptions
{
    /// <summary>The value of <see cref="Provider"/> for <see cref="FileSystemBlobStore"/>.</summary>
    public const string FileSystemProvider = "filesystem";

    /// <summary>The value of <see cref="Provider"/> for <see cref="S3BlobStore"/>.</summary>
    public const string S3Provider = "s3";

    /// <summary><c>filesystem</c> (the default: <c>blobs/</c> in the data dir) or <c>s3</c>.</summary>
    public string Provider { get; set; } = FileSystemProvider;

    /// <summary>
    /// Filesystem: where the blobs live; a relative path is taken from the data dir (<c>blobs</c> unless set). Several
    /// servers of one cluster can share a directory on a common volume, since puts are atomic renames of
    /// content-addressed names.
    /// </summary>
    public string Directory { get; set; } = "blobs";

    /// <summary>The largest blob accepted, in bytes (512 MiB unless set); counted while the upload streams in.</summary>
    public long MaxBlobBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// S3: <c>host[:port]</c>, or a URL such as <c>http://127.0.0.1:9000</c> whose scheme then decides TLS instead of
    /// <see cref="UseSsl"/>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>S3: the bucket; created on first use when missing.</summary>
    public string Bucket { get; set; } = "worldloom";

    /// <summary>S3: access key id.</summary>
    public string? AccessKey { get; set; }

    /// <summary>S3: secret access key.</summary>
    public string? SecretKey { get; set; }

    /// <summary>S3: region; MinIO and most S3-compatible services accept the default.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>S3: talk HTTPS (the default) for a <see cref="Endpoint"/> given without a scheme.</summary>
    public bool UseSsl { get; set; } = true;

    /// <summary>
    /// How long a blob that nothing refers to is kept after its last put (24 hours unless set). Callers store a blob
    /// before the row that names it, so this must be longer than any such write takes; at least a minute.
    /// </summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each server sweeps unreferenced blobs (every 6 hours unless set); zero turns the sweep off.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Whether <see cref="Provider"/> selects <see cref="S3BlobStore"/>.</summary>
    internal bool IsS3 => string.Equals(Provider, S3Provider, StringComparison.OrdinalIgnoreCase);
}
