using System.Security.Cryptography;
using Minio;
using Minio.DataModel.Args;
using Worldloom.Platform.Blobs;

namespace Worldloom.Platform.Tests.Blobs;

[Collection(S3rverCollection.Name)]
public sealed class S3BlobStoreTests(S3rverFixture s3rver) : BlobStoreContractTests
{
    private readonly string _bucket = "blobs-" + Guid.NewGuid().ToString("N");
    private readonly string _tempDir = Path.Combine(Path.GetTempPath(), "loom-s3-temp-" + Guid.NewGuid().ToString("N"));
    private readonly IMinioClient _client = s3rver.Client();

    // The service stamps objects to the second in some answers (HEAD's Last-Modified).
    protected override TimeSpan TimestampResolution => TimeSpan.FromSeconds(1.1);

    protected override IBlobStore Create(long maxBlobBytes) => new S3BlobStore(Options(maxBlobBytes), _tempDir, Clock);

    protected override Task<IReadOnlyList<string>> StoredItemsAsync()
    {
        var temp = Directory.Exists(_tempDir) ? Directory.EnumerateFiles(_tempDir, "*", SearchOption.AllDirectories) : [];
        return Task.FromResult<IReadOnlyList<string>>([.. temp, .. s3rver.ObjectKeys(_bucket)]);
    }

    [Fact]
    public async Task FirstUse_CreatesTheBucket()
    {
        var store = NewStore();
        Assert.False(await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket)));

        Assert.False(await store.ExistsAsync(new string('0', 64)));

        Assert.True(await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket)));
    }

    [Fact]
    public async Task Put_StoresUnderTheSha256KeyWithTheContentType()
    {
        var store = NewStore();

        var blob = await store.PutAsync(new MemoryStream("key layout"u8.ToArray()), "text/plain");

        var key = $"sha256/{blob.Sha256[..2]}/{blob.Sha256}";
        Assert.Equal([key], await StoredItemsAsync());
        var stat = await _client.StatObjectAsync(new StatObjectArgs().WithBucket(_bucket).WithObject(key));
        Assert.Equal("text/plain", stat.ContentType);
        Assert.Equal(blob.Size, stat.Size);
    }

    [Fact]
    public async Task Open_ObjectThatDoesNotHashToItsKey_Throws()
    {
        var store = NewStore();
        var claimed = Convert.ToHexStringLower(SHA256.HashData("what the key says"u8));
        await store.ExistsAsync(claimed);
        using var tampered = new MemoryStream("something else"u8.ToArray());
        await _client.PutObjectAsync(new PutObjectArgs()
            .WithBucket(_bucket)
            .WithObject(S3BlobStore.KeyOf(claimed))
            .WithStreamData(tampered)
            .WithObjectSize(tampered.Length));

        await Assert.ThrowsAsync<InvalidDataException>(() => store.OpenAsync(claimed));
        Assert.Empty(Directory.EnumerateFiles(_tempDir));
    }

    public override void Dispose()
    {
        base.Dispose();
        _client.Dispose();
        if (Directory.Exists(_tempDir))
        {
            Directory.Delete(_tempDir, recursive: true);
        }
    }

    private BlobStoreOptions Options(long maxBlobBytes) => new()
    {
        Provider = BlobStoreOptions.S3Provider,
        Endpoint = s3rver.Endpoint,
        Bucket = _bucket,
        AccessKey = S3rverFixture.Credential,
        SecretKey = S3rverFixture.Credential,
        MaxBlobBytes = maxBlobBytes,
        OrphanGracePeriod = RefreshAfter * 2,
    };
}
