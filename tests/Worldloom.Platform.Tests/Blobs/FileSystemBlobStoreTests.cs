using Worldloom.Platform.Blobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Blobs;

public sealed class FileSystemBlobStoreTests : BlobStoreContractTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "loom-blobs-" + Guid.NewGuid().ToString("N"));

    private string TempDir => Path.Combine(_dir, ".tmp");

    protected override IBlobStore Create(long maxBlobBytes) => new FileSystemBlobStore(_dir, maxBlobBytes, Clock, RefreshAfter);

    protected override Task<IReadOnlyList<string>> StoredItemsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).ToList());

    [Fact]
    public async Task Put_StoresTheBlobAtItsTwoLevelHashPath()
    {
        var store = NewStore();

        var blob = await store.PutAsync(new MemoryStream("layout"u8.ToArray()), "text/plain");

        var expected = Path.Combine(_dir, blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256);
        Assert.Equal([expected], await StoredItemsAsync());
        Assert.Equal("layout"u8.ToArray(), await File.ReadAllBytesAsync(expected));
    }

    [Fact]
    public async Task Put_SourceThrowsMidway_LeavesNoTempFile()
    {
        var store = NewStore();
        var data = RandomBytes(1_000_000, seed: 11);

        var error = await Assert.ThrowsAsync<IOException>(() => store.PutAsync(new UnseekableStream(data, failAfter: 500_000), "application/octet-stream"));

        Assert.Equal("The source failed midway.", error.Message);
        Assert.True(Directory.Exists(TempDir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(TempDir));
        Assert.Empty(await StoredItemsAsync());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Put_BlobFileIsOwnerOnly()
    {
        var store = NewStore();

        var blob = await store.PutAsync(new MemoryStream("private"u8.ToArray()), "text/plain");

        var path = Path.Combine(_dir, blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void NewStore_SweepsTempFilesLeftByACrash_ButNotFreshOnes()
    {
        Directory.CreateDirectory(TempDir);
        var leftover = Path.Combine(TempDir, "0123.part");
        var inFlight = Path.Combine(TempDir, "4567.part");
        File.WriteAllText(leftover, "half a blob");
        File.WriteAllText(inFlight, "being written by another process");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-2));

        NewStore();

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(inFlight));
    }

    [Fact]
    public async Task List_SkipsTempFilesAndNamesThatAreNotBlobsWhereTheyLie()
    {
        var store = NewStore();
        var blob = await store.PutAsync(new MemoryStream("listed"u8.ToArray()), "text/plain");
        File.WriteAllText(Path.Combine(TempDir, "0123.part"), "half a blob");
        File.WriteAllText(Path.Combine(_dir, "README"), "not a blob");
        // A hash-named file outside its two-level folder is not where a put would write it, so it is no blob either.
        File.WriteAllText(Path.Combine(_dir, blob.Sha256[..2], blob.Sha256), "misplaced");

        var listed = await ListAsync(store);

        Assert.Equal([blob.Sha256], listed.Select(b => b.Sha256));
    }

    [Fact]
    public async Task Put_StampsTheBlobWithTheStoresClock()
    {
        var store = NewStore();
        Clock.Set(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));

        await store.PutAsync(new MemoryStream("stamped"u8.ToArray()), "text/plain");

        Assert.Equal(Clock.GetUtcNow(), Assert.Single(await ListAsync(store)).LastPut);
    }

    [Fact]
    public async Task Open_ThenDelete_TheOpenStreamKeepsReading()
    {
        var store = NewStore();
        var data = RandomBytes(300_000, seed: 12);
        var blob = await store.PutAsync(new MemoryStream(data), "application/octet-stream");

        var stream = await store.OpenAsync(blob.Sha256);
        Assert.True(await store.DeleteAsync(blob.Sha256));

        Assert.Equal(data, await ReadAllAsync(stream!));
        Assert.Empty(await StoredItemsAsync());
    }

    public override void Dispose()
    {
        base.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
