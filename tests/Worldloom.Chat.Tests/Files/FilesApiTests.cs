using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Files;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Files;

/// <summary>The file endpoints' rules: who may do what, and every malformed or replayed request.</summary>
[Trait("Category", "Integration")]
public sealed class FilesApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("C:\\x")]
    [InlineData("CON")]
    [InlineData("con.txt")]
    [InlineData("LPT1")]
    [InlineData("a\u0000b")]
    [InlineData("line\nbreak")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("x..y")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("trailing.")]
    [InlineData("invoice\u202Etxt.exe")]
    public async Task Create_PathLikeOrUnsafeName_Is400NamingName(string name)
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);

        var response = await FileKit.CreateAsync(alice, room, new { name, size = 10, chunkSize = FileKit.SmallChunk, chunks = 1 });

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChatFile>().CountAsync(f => f.RoomId == room)));
    }

    [Fact]
    public async Task Create_NameOf256Characters_Is400_255IsAccepted()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);

        await ProblemJson.AssertAsync(
            await FileKit.CreateAsync(alice, room, new { name = new string('a', 256), size = 10, chunkSize = FileKit.SmallChunk, chunks = 1 }), HttpStatusCode.BadRequest, "name");
        var ok = await ChatApi.JsonAsync(
            await FileKit.CreateAsync(alice, room, new { name = new string('a', 251) + ".txt", size = 10, chunkSize = FileKit.SmallChunk, chunks = 1 }), HttpStatusCode.Created);
        Assert.Equal(16, ok.GetProperty("chunkOverhead").GetInt32());
        Assert.EndsWith("/chunks/{n}", ok.GetProperty("uploadUrl").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "a", "size": 0, "chunkSize": 65536, "chunks": 1}""", "size")]
    [InlineData("""{"name": "a", "chunkSize": 65536, "chunks": 1}""", "size")]
    [InlineData("""{"name": "a", "size": "big", "chunkSize": 65536, "chunks": 1}""", "size")]
    [InlineData("""{"name": "a", "size": 10, "chunkSize": 1000, "chunks": 1}""", "chunkSize")]
    [InlineData("""{"name": "a", "size": 10, "chunkSize": 8388609, "chunks": 1}""", "chunkSize")]
    [InlineData("""{"name": "a", "size": 200000, "chunkSize": 65536, "chunks": 3}""", "chunks")]
    [InlineData("""{"name": "a", "size": 200000, "chunkSize": 65536}""", "chunks")]
    [InlineData("""{"name": "a", "size": 10, "chunkSize": 65536, "chunks": 1, "contentType": "nonsense"}""", "contentType")]
    [InlineData("""{"size": 10, "chunkSize": 65536, "chunks": 1}""", "name")]
    public async Task Create_BadField_IsNamed(string json, string field)
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);

        var response = await alice.Client.PostAsync($"/api/chat/rooms/{room}/files", ChatApi.Raw(json));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Create_OverTheDefaultHundredMegabytes_Is413NamingSize()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);

        var over = await FileKit.CreateAsync(alice, room, new { name = "big.iso", size = 100_000_001L, chunkSize = 8 * 1024 * 1024, chunks = 12 });
        var huge = await FileKit.CreateAsync(alice, room, new { name = "big.iso", size = long.MaxValue, chunkSize = 8 * 1024 * 1024, chunks = 1 });
        var limit = await FileKit.CreateAsync(alice, room, new { name = "ok.iso", size = 100_000_000L, chunkSize = 8 * 1024 * 1024, chunks = 12 });

        await ProblemJson.AssertAsync(over, HttpStatusCode.RequestEntityTooLarge, "size");
        await ProblemJson.AssertAsync(huge, HttpStatusCode.RequestEntityTooLarge, "size");
        Assert.Equal(HttpStatusCode.Created, limit.StatusCode);
    }

    [Fact]
    public async Task Create_OverAConfiguredLimit_Is413()
    {
        await using var host = await LoomHost.StartAsync(settings: new Dictionary<string, string?> { ["Loom:Chat:MaxFileBytes"] = "100000" });
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);

        var response = await FileKit.CreateAsync(alice, room, new { name = "a.bin", size = 100_001, chunkSize = FileKit.SmallChunk, chunks = 2 });

        await ProblemJson.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "size");
    }

    [Fact]
    public async Task Create_NotAMember_Is403InPublicRooms_404InPrivateOnes()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var eve = await host.UserAsync();
        var open = await ChatApi.RoomAsync(alice);
        var closed = await ChatApi.RoomAsync(alice, "private");
        var body = new { name = "a.bin", size = 10, chunkSize = FileKit.SmallChunk, chunks = 1 };

        Assert.Equal(HttpStatusCode.Forbidden, (await FileKit.CreateAsync(eve, open, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FileKit.CreateAsync(eve, closed, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsync($"/api/chat/rooms/{open}/files", ChatApi.Raw("{}"))).StatusCode);
    }

    [Fact]
    public async Task Chunks_AnotherMemberUploads403_NonMemberReadsOrUploads404()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var eve = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var content = FileKit.RandomBytes(100);
        var file = await new FileUpload(alice.Client).UploadAsync(room, "a.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);

        await ProblemJson.AssertAsync(await FileKit.PutAsync(bob, file.FileId, 0, FileKit.Sealed(file, content, 0)), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await bob.Client.PostAsync($"/api/chat/files/{file.FileId}/complete", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Client.GetAsync($"/api/chat/files/{file.FileId}/chunks/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Client.GetAsync($"/api/chat/files/{file.FileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FileKit.PutAsync(eve, file.FileId, 0, FileKit.Sealed(file, content, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Client.DeleteAsync($"/api/chat/files/{file.FileId}")).StatusCode);
        await Assert.ThrowsAsync<FileTransferException>(() => new FileDownload(eve.Client).DownloadAsync(file, new MemoryStream()));
        Assert.Equal(HttpStatusCode.OK, (await bob.Client.GetAsync($"/api/chat/files/{file.FileId}/chunks/0")).StatusCode);
    }

    [Fact]
    public async Task Get_DeclaresTheSealedLength_NotTheStoredBlobsWithItsHeader()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes(100);
        var file = await new FileUpload(alice.Client).UploadAsync(room, "a.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);

        using var response = await alice.Client.GetAsync($"/api/chat/files/{file.FileId}/chunks/0");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content.Length + 16, bytes.Length);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(1000)]
    public async Task Put_IndexOutOfRange_Is400NamingN(int n)
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var file = await FileKit.CreateWithClientAsync(alice, room, FileKit.SmallChunk + 1);

        await ProblemJson.AssertAsync(await FileKit.PutAsync(alice, file.FileId, n, new byte[17]), HttpStatusCode.BadRequest, "n");
    }

    [Theory]
    [InlineData(0, 65536)]
    [InlineData(0, 65553)]
    [InlineData(0, 0)]
    [InlineData(1, 16)]
    [InlineData(1, 65552)]
    public async Task Put_WrongLength_Is400NamingBody_AndStoresNothing(int n, int length)
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var file = await FileKit.CreateWithClientAsync(alice, room, FileKit.SmallChunk + 1);

        await ProblemJson.AssertAsync(await FileKit.PutAsync(alice, file.FileId, n, new byte[length]), HttpStatusCode.BadRequest, "body");
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChatFileChunk>().CountAsync(c => c.FileId == file.FileId)));
    }

    [Fact]
    public async Task Put_WrongLengthWithoutContentLength_IsCaughtWhileStreaming()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var file = await FileKit.CreateWithClientAsync(alice, room, FileKit.SmallChunk + 1);

        var longer = new StreamContent(new NoLengthStream(new byte[FileKit.SmallChunk + 100]));
        var shorter = new StreamContent(new NoLengthStream(new byte[10]));

        await ProblemJson.AssertAsync(await alice.Client.PutAsync($"/api/chat/files/{file.FileId}/chunks/0", longer), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await alice.Client.PutAsync($"/api/chat/files/{file.FileId}/chunks/1", shorter), HttpStatusCode.BadRequest, "body");
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChatFileChunk>().CountAsync(c => c.FileId == file.FileId)));
    }

    [Fact]
    public async Task Put_Replayed_SameBytes200_DifferentBytes409_FirstStays()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes(FileKit.SmallChunk + 1);
        var file = await FileKit.CreateWithClientAsync(alice, room, content.Length);
        var first = FileKit.Sealed(file, content, 0);
        var other = (byte[])first.Clone();
        other[5] ^= 1;

        await ChatApi.JsonAsync(await FileKit.PutAsync(alice, file.FileId, 0, first), HttpStatusCode.Created);
        await ChatApi.JsonAsync(await FileKit.PutAsync(alice, file.FileId, 0, first), HttpStatusCode.OK);
        await ProblemJson.AssertAsync(await FileKit.PutAsync(alice, file.FileId, 0, other), HttpStatusCode.Conflict, "n");

        var sha = await host.WithDbAsync(db => db.Set<ChatFileChunk>().Where(c => c.FileId == file.FileId).Select(c => c.Sha256).SingleAsync());
        Assert.Equal(BlobSha(file.FileId, 0, first), sha);
        Assert.False(await host.Services.GetRequiredService<IBlobStore>().ExistsAsync(BlobSha(file.FileId, 0, other)));
    }

    [Fact]
    public async Task Put_EightConcurrentOfOneChunkInTwoVersions_OneWinsAndNoLoserBlobRemains()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes(FileKit.SmallChunk + 1);
        var file = await FileKit.CreateWithClientAsync(alice, room, content.Length);
        var a = FileKit.Sealed(file, content, 0);
        var b = (byte[])a.Clone();
        b[0] ^= 1;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => FileKit.PutAsync(alice, file.FileId, 0, i % 2 == 0 ? a : b)));

        var sha = await host.WithDbAsync(db => db.Set<ChatFileChunk>().Where(c => c.FileId == file.FileId).Select(c => c.Sha256).SingleAsync());
        var winner = sha == BlobSha(file.FileId, 0, a) ? 0 : 1;
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Contains(responses[i].StatusCode, i % 2 == winner ? new[] { HttpStatusCode.Created, HttpStatusCode.OK } : [HttpStatusCode.Conflict]);
        }

        Assert.False(await host.Services.GetRequiredService<IBlobStore>().ExistsAsync(BlobSha(file.FileId, 0, winner == 0 ? b : a)));
    }

    [Fact]
    public async Task Download_BeforeComplete_Is409_CompleteWithGaps409NamingChunks()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var content = FileKit.RandomBytes((2 * FileKit.SmallChunk) + 1);
        var file = await FileKit.CreateWithClientAsync(alice, room, content.Length);
        await ChatApi.JsonAsync(await FileKit.PutAsync(alice, file.FileId, 0, FileKit.Sealed(file, content, 0)), HttpStatusCode.Created);
        await ChatApi.JsonAsync(await FileKit.PutAsync(alice, file.FileId, 2, FileKit.Sealed(file, content, 2)), HttpStatusCode.Created);

        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/files/{file.FileId}/chunks/0"), HttpStatusCode.Conflict);
        var gaps = await ProblemJson.AssertAsync(await alice.Client.PostAsync($"/api/chat/files/{file.FileId}/complete", null), HttpStatusCode.Conflict, "chunks");
        var status = await ChatApi.GetAsync(alice, $"/api/chat/files/{file.FileId}");

        Assert.Contains("1 of 3", gaps.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("[[0,0],[2,2]]", status.GetProperty("received").GetRawText());
        Assert.Equal(2, status.GetProperty("receivedCount").GetInt32());
        Assert.Equal(ManualClock.Wednesday.AddHours(24), status.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Delete_ByMember403_ByModeratorRemovesBlobsAndIsAudited()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var content = FileKit.RandomBytes(FileKit.SmallChunk + 5);
        var file = await new FileUpload(bob.Client).UploadAsync(room, "b.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);
        var hashes = await host.WithDbAsync(db => db.Set<ChatFileChunk>().Where(c => c.FileId == file.FileId).Select(c => c.Sha256).ToListAsync());
        var other = await new FileUpload(alice.Client).UploadAsync(room, "a.bin", new MemoryStream(content), content.Length, chunkSize: FileKit.SmallChunk);

        await ProblemJson.AssertAsync(await bob.Client.DeleteAsync($"/api/chat/files/{other.FileId}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/chat/files/{file.FileId}")).StatusCode);

        var blobs = host.Services.GetRequiredService<IBlobStore>();
        Assert.Equal(2, hashes.Count);
        foreach (var hash in hashes)
        {
            Assert.False(await blobs.ExistsAsync(hash));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/chat/files/{file.FileId}")).StatusCode);
        Assert.True(await host.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "chat.file.delete" && e.Target == $"chat-file:{file.FileId}")));
        using var output = new MemoryStream();
        await new FileDownload(bob.Client).DownloadAsync(other, output);
        Assert.Equal(content, output.ToArray());
    }

    /// <summary>The blob name a chunk gets: the hash of its header and bytes.</summary>
    private static string BlobSha(Guid fileId, int index, byte[] sealedChunk) =>
        Convert.ToHexStringLower(SHA256.HashData([.. ChunkBlob.Header(fileId, index), .. sealedChunk]));

    /// <summary>A body whose length HttpClient cannot know, so it goes chunked and the server must count.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
