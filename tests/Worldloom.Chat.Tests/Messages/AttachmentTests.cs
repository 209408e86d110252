using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Tests.Encryption;
using Worldloom.Chat.Tests.Files;
using Worldloom.Chat.Tests.Realtime;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Messages;

/// <summary>Messages that carry files (docs/chat.md, "Sharing: attachments"): what is stored and shown, and every refusal.</summary>
[Trait("Category", "Integration")]
public sealed class AttachmentTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task PlainRoom_MessageCarriesTheFile_AMemberDownloadsItFromWhatTheMessageShows()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var content = FileKit.RandomBytes(200_000);
        var file = await new FileUpload(alice.Client).UploadAsync(room, "map.png", new MemoryStream(content), content.Length, "image/png", FileKit.SmallChunk);

        var posted = await ChatApi.JsonAsync(
            await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { body = "the map", clientId = "m1", attachments = new[] { new { fileId = file.FileId, key = KeyText(file) } } }),
            HttpStatusCode.Created);
        var listed = (await ChatApi.GetAsync(bob, $"/api/chat/rooms/{room}/messages")).EnumerateArray().Single();
        var resent = await ChatApi.JsonAsync(
            await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { body = "again", clientId = "m1" }), HttpStatusCode.OK);

        foreach (var message in new[] { posted, listed, resent })
        {
            var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
            Assert.Equal(file.FileId, attachment.GetProperty("fileId").GetGuid());
            Assert.Equal("map.png", attachment.GetProperty("name").GetString());
            Assert.Equal(200_000, attachment.GetProperty("size").GetInt64());
            Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
            Assert.Equal(4, attachment.GetProperty("chunks").GetInt32());
        }

        // Bob rebuilds the descriptor from the message alone and gets Alice's bytes.
        var shown = listed.GetProperty("attachments")[0];
        var secret = Base64Url.DecodeFromChars(shown.GetProperty("key").GetString());
        var descriptor = new FileDescriptor(
            shown.GetProperty("fileId").GetGuid(), room, shown.GetProperty("name").GetString()!, shown.GetProperty("size").GetInt64(), shown.GetProperty("chunkSize").GetInt32(),
            shown.GetProperty("chunks").GetInt32(), shown.GetProperty("contentType").GetString(), Base64Url.EncodeToString(secret.AsSpan(0, 32)), Base64Url.EncodeToString(secret.AsSpan(32)));
        using var output = new MemoryStream();
        await new FileDownload(bob.Client).DownloadAsync(descriptor, output);
        Assert.Equal(content, output.ToArray());

        // A tombstone keeps no files.
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/chat/messages/{posted.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Empty((await ChatApi.GetAsync(bob, $"/api/chat/rooms/{room}/messages")).EnumerateArray().Single().GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public async Task WebSocket_SendWithAttachment_IsAckedAndBroadcastWithTheFile_BadShapesAreErrorFrames()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var file = await UploadedAsync(alice, room);
        await using var a = await ChatSocket.ConnectAsync(host, alice);
        await using var b = await ChatSocket.ConnectAsync(host, bob);
        await b.SendAsync(new { type = "subscribe", roomId = room });
        await b.ExpectAsync("subscribed");

        await a.SendAsync(new { type = "send", roomId = room, clientId = "bad1", body = "x", attachments = "nope", @ref = "1" });
        Assert.Equal("attachments", (await a.ExpectAsync("error")).GetProperty("field").GetString());
        await a.SendAsync(new { type = "send", roomId = room, clientId = "bad2", body = "x", attachments = new[] { new { fileId = "not-a-guid", key = KeyText(file) } }, @ref = "2" });
        Assert.Equal("attachments[0].fileId", (await a.ExpectAsync("error")).GetProperty("field").GetString());
        await a.SendAsync(new { type = "send", roomId = room, clientId = "bad3", body = "x", attachments = new[] { new { fileId = file.FileId, key = "short" } }, @ref = "3" });
        var badKey = await a.ExpectAsync("error");
        Assert.Equal("attachments[0].key", badKey.GetProperty("field").GetString());
        Assert.Equal("invalid", badKey.GetProperty("code").GetString());

        await a.SendAsync(new { type = "send", roomId = room, clientId = "ok", body = "here", attachments = new[] { new { fileId = file.FileId, key = KeyText(file) } }, @ref = "4" });
        var ack = await a.ExpectAsync("ack");
        var seen = await b.ExpectAsync("message");

        Assert.Equal(ack.GetProperty("messageId").GetGuid(), seen.GetProperty("message").GetProperty("id").GetGuid());
        Assert.Equal(file.FileId, seen.GetProperty("message").GetProperty("attachments")[0].GetProperty("fileId").GetGuid());
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == room)));
    }

    [Fact]
    public async Task Refusals_NameTheAttachmentField_AndStoreNothing()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var other = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var file = await UploadedAsync(alice, room);
        var elsewhere = await UploadedAsync(alice, other);
        var bobs = await UploadedAsync(bob, room);
        var incomplete = await FileKit.CreateWithClientAsync(alice, room, 10);
        var key = KeyText(file);

        async Task Refused(object attachments, string field, HttpStatusCode status = HttpStatusCode.BadRequest) =>
            await ProblemJson.AssertAsync(
                await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { body = "x", clientId = Guid.NewGuid().ToString("N"), attachments }), status, field);

        await Refused(new[] { new { fileId = Guid.NewGuid(), key } }, "attachments[0].fileId");
        await Refused(new[] { new { fileId = elsewhere.FileId, key } }, "attachments[0].fileId");
        await Refused(new[] { new { fileId = bobs.FileId, key } }, "attachments[0].fileId");
        await Refused(new[] { new { fileId = incomplete.FileId, key } }, "attachments[0].fileId");
        await Refused(new[] { new { fileId = file.FileId, key }, new { fileId = file.FileId, key } }, "attachments[1].fileId");
        await Refused(new[] { new { fileId = file.FileId, key = "" } }, "attachments[0].key");
        await Refused(new[] { new { fileId = file.FileId, key = key[..^1] + "!" } }, "attachments[0].key");
        await Refused(new[] { new { fileId = file.FileId, key = new string('A', 17_000) } }, "attachments[0].key");
        await Refused(Enumerable.Range(0, 11).Select(_ => new { fileId = Guid.NewGuid(), key }).ToArray(), "attachments");
        var wrongType = await alice.Client.PostAsync($"/api/chat/rooms/{room}/messages", ChatApi.Raw("""{"body": "x", "clientId": "t", "attachments": {"fileId": 1}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == room)));
    }

    [Fact]
    public async Task EncryptedRoom_KeyMustBeAnEnvelopeSealedForThisMessage()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        using var device = await E2eDevice.RegisterAsync(alice);
        var roomKey = await device.NewEpochAsync(room);
        var file = await UploadedAsync(alice, room);
        var keyText = $"{MessageAttachments.SealedKeyPrefix}{file.FileId} {KeyText(file)}";

        async Task<HttpResponseMessage> Post(string clientId, string key) =>
            await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new
            {
                body = device.Seal(room, 1, roomKey, "a file", clientId), clientId, attachments = new[] { new { fileId = file.FileId, key } },
            });

        await E2eRooms.ProblemCodeAsync(await Post("c1", KeyText(file)), HttpStatusCode.BadRequest, "plaintext_in_encrypted_room", "attachments[0].key");
        // Sealed for another message's client id: its signature does not cover this one.
        await E2eRooms.ProblemCodeAsync(await Post("c2", device.Seal(room, 1, roomKey, keyText, "other")), HttpStatusCode.BadRequest, "bad_signature", "attachments[0].key");

        var stored = await ChatApi.JsonAsync(await Post("c3", device.Seal(room, 1, roomKey, keyText, "c3")), HttpStatusCode.Created);
        var sealedKey = stored.GetProperty("attachments")[0].GetProperty("key").GetString()!;
        Assert.StartsWith("e1.", sealedKey, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyText(file), await host.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.RoomId == room).Select(m => m.Attachments).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MutedMember_CannotStartOrContinueAnUpload()
    {
        var host = fixture.Host;
        var (_, moderator, member, room) = await Moderation.ModerationSteps.RoomWithStaffAsync(host);
        var started = await FileKit.CreateWithClientAsync(member, room, 100);

        await ChatApi.JsonAsync(await Moderation.ModerationSteps.MuteAsync(moderator, room, member.Id, 10), HttpStatusCode.OK);

        var create = await FileKit.CreateAsync(member, room, new { name = "a.txt", size = 10, chunkSize = FileKit.SmallChunk, chunks = 1 });
        Assert.Equal("muted", (await ProblemJson.AssertAsync(create, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var chunk = await FileKit.PutAsync(member, started.FileId, 0, FileKit.Sealed(started, FileKit.RandomBytes(100), 0));
        Assert.Equal("muted", (await ProblemJson.AssertAsync(chunk, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
    }

    private static async Task<FileDescriptor> UploadedAsync(TestUser user, Guid room)
    {
        var content = FileKit.RandomBytes(1000);
        return await new FileUpload(user.Client).UploadAsync(room, "notes.txt", new MemoryStream(content), content.Length, "text/plain", FileKit.SmallChunk);
    }

    private static string KeyText(FileDescriptor file)
    {
        var secret = file.Secret();
        return Base64Url.EncodeToString([.. secret.Key, .. secret.NoncePrefix]);
    }
}
