using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Files;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Files;

/// <summary>Whole uploads and downloads through the C# client: round trip, resume, tampering, sweeping.</summary>
[Trait("Category", "Integration")]
public sealed class FileTransferTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Upload_ThreeMegabytesInMebibyteChunks_AnotherMemberDownloadsTheSameBytes()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var content = FileKit.RandomBytes(3_000_000);
        var up = new ProgressLog();

        // 1 MiB chunks are larger than the platform's 1 MiB body limit once sealed: the chunk endpoint's own limit applies.
        var file = await new FileUpload(alice.Client).UploadAsync(room, "atlas.bin", new MemoryStream(content), content.Length, "application/octet-stream", 1024 * 1024, up);
        var received = FileDescriptor.Parse(file.ToJson());
        var down = new ProgressLog();
        using var output = new MemoryStream();
        await new FileDownload(bob.Client).DownloadAsync(received, output, down);

        Assert.Equal(3, file.Chunks);
        Assert.Equal(content, output.ToArray());
        Assert.Equal([1_048_576L, 2_097_152L, 3_000_000L], up.Reports);
        Assert.Equal(up.Reports, down.Reports);
        var status = await ChatApi.GetAsync(bob, $"/api/chat/files/{file.FileId}");
        Assert.True(status.GetProperty("complete").GetBoolean());
        Assert.Equal("[[0,2]]", status.GetProperty("received").GetRawText());
    }

    [Fact]
    public async Task Send_AfterACrashHalfway_ANewClientSendsOnlyTheMissingChunks()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes((8 * FileKit.SmallChunk) + 1234);
        var file = await FileKit.CreateWithClientAsync(alice, room, content.Length);

        await Assert.ThrowsAsync<IOException>(() => new FileUpload(alice.Client).SendAsync(file, new DyingStream(content, 4 * FileKit.SmallChunk)));
        var afterCrash = await ChatApi.GetAsync(alice, $"/api/chat/files/{file.FileId}");
        var counter = new RequestCounter();
        var sent = await new FileUpload(FileKit.Counted(host, alice, counter)).SendAsync(FileDescriptor.Parse(file.ToJson()), new MemoryStream(content));

        Assert.Equal("[[0,3]]", afterCrash.GetProperty("received").GetRawText());
        Assert.False(afterCrash.GetProperty("complete").GetBoolean());
        Assert.Equal(5, sent);
        Assert.Equal(
            [.. Enumerable.Range(4, 5).Select(n => $"PUT /api/chat/files/{file.FileId}/chunks/{n}")],
            counter.Requests.Where(r => r.StartsWith("PUT", StringComparison.Ordinal)).ToArray());
        using var output = new MemoryStream();
        await new FileDownload(alice.Client).DownloadAsync(file, output);
        Assert.Equal(content, output.ToArray());
    }

    [Fact]
    public async Task Download_BlobAlteredInTheStore_FailsNamingTheChunk()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes((2 * FileKit.SmallChunk) + 10);
        var file = await new FileUpload(alice.Client).UploadAsync(room, "a.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);
        var sha = await host.WithDbAsync(db => db.Set<ChatFileChunk>().Where(c => c.FileId == file.FileId && c.Index == 1).Select(c => c.Sha256).SingleAsync());
        var path = Directory.EnumerateFiles(Path.Combine(host.DataDir, "blobs"), sha, SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[ChunkBlob.HeaderBytes + 100] ^= 0x40;
        await File.WriteAllBytesAsync(path, bytes);

        var e = await Assert.ThrowsAsync<FileIntegrityException>(() => new FileDownload(alice.Client).DownloadAsync(file, new MemoryStream()));

        Assert.Equal(1, e.Chunk);
        Assert.Contains("chunk 1 of 3 failed authentication", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_UploadIdleForADay_IsRemovedWithItsBlobs_CompletedFilesStay()
    {
        await using var host = await LoomHost.StartAsync();
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes(FileKit.SmallChunk + 1);
        var done = await new FileUpload(alice.Client).UploadAsync(room, "kept.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);
        var abandoned = await FileKit.CreateWithClientAsync(alice, room, content.Length);
        await ChatApi.JsonAsync(await FileKit.PutAsync(alice, abandoned.FileId, 0, FileKit.Sealed(abandoned, content, 0)), HttpStatusCode.Created);
        var sha = await host.WithDbAsync(db => db.Set<ChatFileChunk>().Where(c => c.FileId == abandoned.FileId).Select(c => c.Sha256).SingleAsync());
        var sweeper = host.Services.GetRequiredService<ChatFileSweeper>();

        host.Clock.Advance(TimeSpan.FromHours(23));
        var early = await sweeper.SweepAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));
        var late = await sweeper.SweepAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, late);
        // A day on, the first access token has expired.
        alice = await host.LoginAsync(alice.Id, alice.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Client.GetAsync($"/api/chat/files/{abandoned.FileId}")).StatusCode);
        Assert.False(await host.Services.GetRequiredService<IBlobStore>().ExistsAsync(sha));
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync($"/api/chat/files/{done.FileId}")).StatusCode);
    }

    [Fact]
    public async Task PlatformSweep_KeepsTheChunksOfCompleteAndUnfinishedFiles()
    {
        await using var host = await LoomHost.StartAsync();
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes((FileKit.SmallChunk * 2) + 1);
        var done = await new FileUpload(alice.Client).UploadAsync(room, "kept.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);
        var unfinished = await FileKit.CreateWithClientAsync(alice, room, content.Length);
        await ChatApi.JsonAsync(await FileKit.PutAsync(alice, unfinished.FileId, 0, FileKit.Sealed(unfinished, content, 0)), HttpStatusCode.Created);

        var kept = await BlobSweepCheck.KeepsAllButAnOrphanAsync(host);

        // Three chunks of the complete file and one of the unfinished one, each sealed under its own file key.
        Assert.Equal(4, kept.Count);
        alice = await host.LoginAsync(alice.Id, alice.Email);
        using var output = new MemoryStream();
        await new FileDownload(alice.Client).DownloadAsync(FileDescriptor.Parse(done.ToJson()), output);
        Assert.Equal(content, output.ToArray());
    }
}
