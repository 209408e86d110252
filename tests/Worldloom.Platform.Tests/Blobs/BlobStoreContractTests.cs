using System.Security.Cryptography;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Blobs;

/// <summary>
/// What every <see cref="IBlobStore"/> promises, run against each implementation by a subclass. Each test class
/// instance gets its own empty store location, so "what is stored" counts only this test's blobs.
/// </summary>
public abstract class BlobStoreContractTests : IDisposable
{
    protected const long DefaultLimit = 64L * 1024 * 1024;

    /// <summary>A put of stored bytes refreshes their time once it is older than this (half the default grace period).</summary>
    protected static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(12);

    private readonly List<IBlobStore> _stores = [];

    /// <summary>
    /// The stores' clock. It starts at the real time because an S3 service stamps objects with its own clock, which
    /// the store compares with this one.
    /// </summary>
    protected ManualClock Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>How coarse the backend's modification times are: a test that needs a later one waits this long first.</summary>
    protected virtual TimeSpan TimestampResolution => TimeSpan.Zero;

    /// <summary>A store over this test's location; every store a test creates sees the same blobs.</summary>
    protected abstract IBlobStore Create(long maxBlobBytes);

    /// <summary>Everything the store holds for this test: blobs and any temp or partial files.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredItemsAsync();

    protected IBlobStore NewStore(long maxBlobBytes = DefaultLimit)
    {
        var store = Create(maxBlobBytes);
        _stores.Add(store);
        return store;
    }

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static Stream Source(byte[] data, bool seekable) =>
        seekable ? new MemoryStream(data, writable: false) : new UnseekableStream(data);

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(100_000, true)]
    [InlineData(100_000, false)]
    [InlineData(6 * 1024 * 1024 + 17, true)]
    [InlineData(6 * 1024 * 1024 + 17, false)]
    public async Task Put_ThenOpen_RoundTripsTheBytes(int length, bool seekable)
    {
        var store = NewStore();
        var data = RandomBytes(length, seed: length);

        var blob = await store.PutAsync(Source(data, seekable), "application/octet-stream");
        var stream = await store.OpenAsync(blob.Sha256);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), blob.Sha256);
        Assert.Equal(length, blob.Size);
        Assert.NotNull(stream);
        Assert.Equal(data, await ReadAllAsync(stream));
        Assert.True(await store.ExistsAsync(blob.Sha256));
    }

    [Fact]
    public async Task Put_SameContentTwice_SameRefStoredOnce()
    {
        var store = NewStore();
        var data = RandomBytes(5000, seed: 1);

        var first = await store.PutAsync(Source(data, seekable: true), "image/png");
        var second = await store.PutAsync(Source(data, seekable: false), "application/octet-stream");
        var third = await NewStore().PutAsync(Source(data, seekable: true), "image/png");

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Single(await StoredItemsAsync());
    }

    [Fact]
    public async Task Put_DifferentContent_DifferentRefs()
    {
        var store = NewStore();
        var data = RandomBytes(5000, seed: 2);
        var changed = (byte[])data.Clone();
        changed[^1] ^= 1;

        var a = await store.PutAsync(Source(data, seekable: true), "text/plain");
        var b = await store.PutAsync(Source(changed, seekable: true), "text/plain");

        Assert.NotEqual(a.Sha256, b.Sha256);
        Assert.Equal(data, await ReadAllAsync((await store.OpenAsync(a.Sha256))!));
        Assert.Equal(changed, await ReadAllAsync((await store.OpenAsync(b.Sha256))!));
        Assert.Equal(2, (await StoredItemsAsync()).Count);
    }

    [Fact]
    public async Task Open_MissingBlob_ReturnsNull()
    {
        var store = NewStore();
        var missing = Convert.ToHexStringLower(SHA256.HashData("never stored"u8));

        Assert.Null(await store.OpenAsync(missing));
        Assert.False(await store.ExistsAsync(missing));
    }

    [Fact]
    public async Task Delete_RemovesTheBlob_AndReportsWhetherItWasThere()
    {
        var store = NewStore();
        var keep = await store.PutAsync(Source(RandomBytes(100, seed: 3), seekable: true), "text/plain");
        var doomed = await store.PutAsync(Source(RandomBytes(100, seed: 4), seekable: true), "text/plain");

        Assert.True(await store.DeleteAsync(doomed.Sha256));
        Assert.False(await store.DeleteAsync(doomed.Sha256));

        Assert.False(await store.ExistsAsync(doomed.Sha256));
        Assert.Null(await store.OpenAsync(doomed.Sha256));
        Assert.True(await store.ExistsAsync(keep.Sha256));
        Assert.Single(await StoredItemsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc/passwd")]
    [InlineData("../../../../../../../../../../../../../../../../../../../../../etc/passwd")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555")]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85/")]
    [InlineData(" e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData(null)]
    public async Task InvalidHash_IsRejected(string? hash)
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(hash!));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(hash!));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(hash!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Put_OverTheSizeLimit_IsRejectedAndLeavesNothing(bool seekable)
    {
        var store = NewStore(maxBlobBytes: 100_000);
        var data = RandomBytes(100_001, seed: 5);

        var error = await Assert.ThrowsAsync<BlobTooLargeException>(() => store.PutAsync(Source(data, seekable), "application/octet-stream"));

        Assert.Equal(100_000, error.MaxBytes);
        Assert.False(await store.ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(data))));
        Assert.Empty(await StoredItemsAsync());
    }

    [Fact]
    public async Task Put_ExactlyAtTheSizeLimit_IsAccepted()
    {
        var store = NewStore(maxBlobBytes: 100_000);

        var blob = await store.PutAsync(Source(RandomBytes(100_000, seed: 6), seekable: false), "application/octet-stream");

        Assert.Equal(100_000, blob.Size);
        Assert.True(await store.ExistsAsync(blob.Sha256));
    }

    [Fact]
    public async Task Put_SourceFailsMidway_StoresNothing()
    {
        var store = NewStore();
        var data = RandomBytes(300_000, seed: 7);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new UnseekableStream(data, failAfter: 150_000), "application/octet-stream"));

        Assert.Empty(await StoredItemsAsync());
    }

    [Fact]
    public async Task Put_Canceled_StoresNothing()
    {
        var store = NewStore();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.PutAsync(new UnseekableStream(RandomBytes(1000, seed: 8)), "application/octet-stream", canceled.Token));

        Assert.Empty(await StoredItemsAsync());
    }

    [Fact]
    public async Task Put_TwentyConcurrentPutsOfTheSameContent_AllSucceedWithOneBlob()
    {
        var store = NewStore();
        var data = RandomBytes(200_000, seed: 9);

        var refs = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => store.PutAsync(Source(data, seekable: i % 2 == 0), "application/octet-stream"))));

        Assert.Single(refs.Distinct());
        Assert.Single(await StoredItemsAsync());
        Assert.Equal(data, await ReadAllAsync((await store.OpenAsync(refs[0].Sha256))!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Put_EmptyBlob_Works(bool seekable)
    {
        var store = NewStore();

        var blob = await store.PutAsync(Source([], seekable), "text/plain");

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", blob.Sha256);
        Assert.Equal(0, blob.Size);
        Assert.Empty(await ReadAllAsync((await store.OpenAsync(blob.Sha256))!));
        Assert.True(await store.DeleteAsync(blob.Sha256));
    }

    [Fact]
    public async Task Put_ReadsFromTheStreamsCurrentPosition()
    {
        var store = NewStore();
        var data = RandomBytes(1000, seed: 10);
        using var source = new MemoryStream(data, writable: false) { Position = 400 };

        var blob = await store.PutAsync(source, "application/octet-stream");

        Assert.Equal(600, blob.Size);
        Assert.Equal(data[400..], await ReadAllAsync((await store.OpenAsync(blob.Sha256))!));
    }

    [Fact]
    public async Task List_NamesEachStoredBlobOnceWithItsSize()
    {
        var store = NewStore();
        var a = await store.PutAsync(Source(RandomBytes(10, seed: 20), seekable: true), "text/plain");
        var b = await store.PutAsync(Source(RandomBytes(2000, seed: 21), seekable: false), "text/plain");
        await store.PutAsync(Source(RandomBytes(10, seed: 20), seekable: false), "text/plain");
        var gone = await store.PutAsync(Source(RandomBytes(30, seed: 22), seekable: true), "text/plain");
        await store.DeleteAsync(gone.Sha256);

        var listed = await ListAsync(store);

        Assert.Equal(
            new[] { (a.Sha256, 10L), (b.Sha256, 2000L) }.OrderBy(x => x.Item1),
            listed.Select(x => (x.Sha256, x.Size)).OrderBy(x => x.Item1));
    }

    [Fact]
    public async Task List_EmptyStore_ListsNothing() => Assert.Empty(await ListAsync(NewStore()));

    [Fact]
    public async Task DeleteStale_RemovesOnlyABlobLastPutBeforeTheCutoff()
    {
        var store = NewStore();
        var blob = await store.PutAsync(Source(RandomBytes(100, seed: 23), seekable: true), "text/plain");
        var lastPut = Assert.Single(await ListAsync(store)).LastPut;

        Assert.False(await store.DeleteStaleAsync(blob.Sha256, lastPut - TimeSpan.FromSeconds(2)));
        Assert.True(await store.ExistsAsync(blob.Sha256));
        Assert.Equal(lastPut, Assert.Single(await ListAsync(store)).LastPut);

        Assert.True(await store.DeleteStaleAsync(blob.Sha256, lastPut + TimeSpan.FromSeconds(2)));
        Assert.False(await store.ExistsAsync(blob.Sha256));
        Assert.False(await store.DeleteStaleAsync(blob.Sha256, lastPut + TimeSpan.FromSeconds(2)));
        Assert.Empty(await StoredItemsAsync());
    }

    [Fact]
    public async Task Put_OfStoredBytes_RefreshesTheirTimeOnceItIsOlderThanTheRefreshAge()
    {
        var store = NewStore();
        var data = RandomBytes(500, seed: 24);
        await store.PutAsync(Source(data, seekable: true), "text/plain");
        var first = Assert.Single(await ListAsync(store)).LastPut;

        Clock.Advance(RefreshAfter - TimeSpan.FromMinutes(1));
        await store.PutAsync(Source(data, seekable: false), "text/plain");
        Assert.Equal(first, Assert.Single(await ListAsync(store)).LastPut);

        await Task.Delay(TimestampResolution);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var again = await store.PutAsync(Source(data, seekable: true), "text/plain");
        var refreshed = Assert.Single(await ListAsync(store));

        Assert.True(refreshed.LastPut > first, $"{refreshed.LastPut:O} should be after {first:O}");
        Assert.Equal(data, await ReadAllAsync((await store.OpenAsync(again.Sha256))!));
        Assert.False(await store.DeleteStaleAsync(again.Sha256, refreshed.LastPut - TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task DeleteStale_InvalidHash_IsRejected()
    {
        var store = NewStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteStaleAsync("../x", DateTimeOffset.MaxValue));
    }

    protected static async Task<List<StoredBlob>> ListAsync(IBlobStore store)
    {
        var listed = new List<StoredBlob>();
        await foreach (var blob in store.ListAsync())
        {
            listed.Add(blob);
        }

        return listed;
    }

    public virtual void Dispose()
    {
        foreach (var store in _stores)
        {
            (store as IDisposable)?.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
