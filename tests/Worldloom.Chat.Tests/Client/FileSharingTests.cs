using System.Security.Cryptography;
using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Tests.Encryption;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Client;

/// <summary>Files in messages through the client library, against the real server: upload, attach, download byte for byte.</summary>
[Trait("Category", "Integration")]
public sealed class FileSharingTests(SharedHost fixture) : IClassFixture<SharedHost>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loom-share-").FullName;

    [Fact]
    public async Task PlainRoom_UploadAttachDownload_IsByteEqual_AndASecondDownloadNeverOverwrites()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var progress = new List<long>();

        var shared = await new FileSharing(alice.Client, new ChatRest(alice.Client), null)
            .ShareAsync(room, false, "map.bin", new MemoryStream(bytes), bytes.Length, "the map", new Inline(progress.Add));
        Assert.Equal(bytes.Length, progress[^1]);
        Assert.Equal("the map", shared.Body);
        var attachment = Assert.Single(shared.Attachments!);
        Assert.Equal(("map.bin", (long)bytes.Length), (attachment.Name, attachment.Size));
        Assert.Equal(54, attachment.Key.Length);

        var atBob = Assert.Single(await new ChatRest(bob.Client).MessagesAsync(room));
        var folder = Directory.CreateDirectory(Path.Combine(_root, "bob")).FullName;
        var bobFiles = new FileSharing(bob.Client, new ChatRest(bob.Client), null);
        var first = await bobFiles.DownloadAsync(atBob, Assert.Single(atBob.Attachments!), false, folder);
        var second = await bobFiles.DownloadAsync(atBob, atBob.Attachments![0], false, folder);
        Assert.Equal(Path.Combine(folder, "map.bin"), first);
        Assert.Equal(Path.Combine(folder, "map (1).bin"), second);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(first));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(second));

        // A path-like name (the server refuses them; a client still defends) lands inside the folder.
        var hostile = await bobFiles.DownloadAsync(atBob, attachment with { Name = "../../escaped.bin" }, false, folder);
        Assert.Equal(folder, Path.GetDirectoryName(hostile));
        Assert.False(File.Exists(Path.Combine(_root, "escaped.bin")));

        // A wrong key fails authentication and leaves no partial file behind.
        var wrong = attachment with { Key = AttachmentKey.Text(FileSecret.Create()) };
        await Assert.ThrowsAsync<FileIntegrityException>(() => bobFiles.DownloadAsync(atBob, wrong with { Name = "wrong.bin" }, false, folder));
        Assert.False(File.Exists(Path.Combine(folder, "wrong.bin")));
    }

    [Fact]
    public async Task EncryptedRoom_SealsCaptionAndKey_UnderTheMessagesClientId_AndTheOtherDeviceDownloadsIt()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var a = await CryptoAsync(alice);
        var b = await CryptoAsync(bob);
        var bytes = RandomNumberGenerator.GetBytes(70_000);

        await new FileSharing(alice.Client, new ChatRest(alice.Client), a).ShareAsync(room, true, "plans.txt", new MemoryStream(bytes), bytes.Length);
        var stored = Assert.Single(await new ChatRest(bob.Client).MessagesAsync(room));
        var attachment = Assert.Single(stored.Attachments!);
        Assert.StartsWith(MessageEnvelope.Prefix, stored.Body, StringComparison.Ordinal);
        Assert.StartsWith(MessageEnvelope.Prefix, attachment.Key, StringComparison.Ordinal);
        Assert.Equal("plans.txt", (await b.OpenAsync(stored)).Text);

        var folder = Directory.CreateDirectory(Path.Combine(_root, "bob")).FullName;
        var path = await new FileSharing(bob.Client, new ChatRest(bob.Client), b).DownloadAsync(stored, attachment, true, folder);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));

        // A sealed key moved onto another message (another client id) does not open; the key never shows as a body.
        var moved = stored with { ClientId = ChatLink.NewClientId() };
        await Assert.ThrowsAsync<E2eException>(() => new FileSharing(bob.Client, new ChatRest(bob.Client), b).DownloadAsync(moved, attachment, true, folder));
        var keyAsBody = stored with { Body = attachment.Key };
        Assert.Null((await b.OpenAsync(keyAsBody)).Text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<RoomCrypto> CryptoAsync(TestUser user)
    {
        var api = new E2eRest(new ChatRest(user.Client));
        return new RoomCrypto(api, await new DeviceStore(Path.Combine(_root, "config", user.Id.ToString("N"))).OpenAsync(api, user.Id, "test"));
    }

    /// <summary>Reports synchronously, so the test sees every report before the upload returns.</summary>
    private sealed class Inline(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
