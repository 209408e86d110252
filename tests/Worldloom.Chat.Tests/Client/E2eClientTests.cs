using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Tests.Encryption;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Client;

/// <summary>The client library's end-to-end layer (device store, room key ring, seal and open) against the real server.</summary>
[Trait("Category", "Integration")]
public sealed class E2eClientTests(SharedHost fixture) : IClassFixture<SharedHost>, IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), "loom-e2e-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ClientA_Seals_ClientB_Opens_AndTheServerHoldsOnlyTheEnvelope()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var a = await CryptoAsync(alice);
        var b = await CryptoAsync(bob);

        var clientId = ChatLink.NewClientId();
        var sealedText = await a.SealAsync(room, "the dragon sleeps", clientId);
        var posted = await new ChatRest(alice.Client).PostAsync(room, sealedText, clientId: clientId);

        var stored = Assert.Single(await new ChatRest(bob.Client).MessagesAsync(room));
        Assert.StartsWith("e1.", stored.Body);
        Assert.DoesNotContain("dragon", stored.Body, StringComparison.Ordinal);
        Assert.Equal(1, MessageEnvelope.Parse(stored.Body)!.Epoch);
        Assert.Equal("the dragon sleeps", (await b.OpenAsync(stored)).Text);
        Assert.Equal("the dragon sleeps", b.Shown(stored)?.Text);

        // An edit is sealed under the message's own client id.
        var edited = await new ChatRest(alice.Client).EditAsync(posted.Id, await a.SealAsync(room, "the dragon wakes", posted.ClientId!));
        Assert.Equal("the dragon wakes", (await b.OpenAsync(edited)).Text);

        // The same envelope presented under another client id does not verify, and is not shown.
        var moved = stored with { ClientId = ChatLink.NewClientId() };
        var refused = await b.OpenAsync(moved);
        Assert.Null(refused.Text);
        Assert.NotNull(refused.Problem);

        // Claimed by another author: the device is not theirs, so nothing is shown.
        Assert.Null((await b.OpenAsync(stored with { AuthorId = bob.Id })).Text);
    }

    [Fact]
    public async Task ANewcomer_GetsTheCurrentKey_WhenAMemberNextSends()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var carol = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        var a = await CryptoAsync(alice);
        var first = ChatLink.NewClientId();
        await new ChatRest(alice.Client).PostAsync(room, await a.SealAsync(room, "before carol", first), clientId: first);

        await ChatApi.JoinAsync(carol, room);
        var c = await CryptoAsync(carol);
        var early = Assert.Single(await new ChatRest(carol.Client).MessagesAsync(room));
        Assert.Contains("no key for epoch 1", (await c.OpenAsync(early)).Problem, StringComparison.Ordinal);

        var second = ChatLink.NewClientId();
        await new ChatRest(alice.Client).PostAsync(room, await a.SealAsync(room, "welcome", second), clientId: second);
        var both = await new ChatRest(carol.Client).MessagesAsync(room);
        Assert.Equal(["before carol", "welcome"], await Task.WhenAll(both.Select(async m => (await c.OpenAsync(m)).Text ?? "(none)")));
    }

    [Fact]
    public async Task AfterALeave_TheNextSendRotates_AndTheLeaverGetsNoNewKey()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var carol = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        await ChatApi.JoinAsync(carol, room);
        var a = await CryptoAsync(alice);
        var b = await CryptoAsync(bob);
        var c = await CryptoAsync(carol);
        var id1 = ChatLink.NewClientId();
        await new ChatRest(alice.Client).PostAsync(room, await a.SealAsync(room, "all three", id1), clientId: id1);
        Assert.Equal(1, await c.LoadKeysAsync(room));

        await new ChatRest(carol.Client).LeaveAsync(room);
        Assert.True((await new ChatRest(bob.Client).RoomAsync(room)).KeyRotationNeeded);
        var id2 = ChatLink.NewClientId();
        var sealedText = await b.SealAsync(room, "just us two", id2);
        Assert.Equal(2, MessageEnvelope.Parse(sealedText)!.Epoch);
        var message = await new ChatRest(bob.Client).PostAsync(room, sealedText, clientId: id2);
        Assert.False((await new ChatRest(alice.Client).RoomAsync(room)).KeyRotationNeeded);
        Assert.Equal("just us two", (await a.OpenAsync(message)).Text);

        // Carol's device was not wrapped for, and as a non-member she cannot even list the room's keys.
        Assert.False(c.HasKey(room, 2));
        using var keys = await carol.Client.GetAsync($"/api/chat/rooms/{room}/keys?deviceId={c.Device.Id}");
        Assert.False(keys.IsSuccessStatusCode);
    }

    [Fact]
    public async Task ConcurrentFirstSends_AgreeOnOneEpoch()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var a = await CryptoAsync(alice);
        var b = await CryptoAsync(bob);

        var ids = (ChatLink.NewClientId(), ChatLink.NewClientId());
        var sealedTexts = await Task.WhenAll(a.SealAsync(room, "from alice", ids.Item1), b.SealAsync(room, "from bob", ids.Item2));
        Assert.All(sealedTexts, s => Assert.Equal(1, MessageEnvelope.Parse(s)!.Epoch));
        await new ChatRest(alice.Client).PostAsync(room, sealedTexts[0], clientId: ids.Item1);
        await new ChatRest(bob.Client).PostAsync(room, sealedTexts[1], clientId: ids.Item2);
        var messages = await new ChatRest(alice.Client).MessagesAsync(room);
        Assert.Equal(["from alice", "from bob"], (await Task.WhenAll(messages.Select(async m => (await a.OpenAsync(m)).Text ?? "(none)"))).Order());
    }

    [Fact]
    public async Task TheDeviceFile_IsOwnerOnly_AndReusedOnTheNextStart()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var store = new DeviceStore(DeviceStore.FolderFor(new Uri("http://chat.example:5080"), _config));
        using var first = await store.OpenAsync(new E2eRest(new ChatRest(alice.Client)), alice.Id, "terminal");
        using var again = await store.OpenAsync(new E2eRest(new ChatRest(alice.Client)), alice.Id, "terminal");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Keys.Ed25519Public, again.Keys.Ed25519Public);
        var file = store.FileOf(alice.Id);
        Assert.Equal(Path.Combine(_config, "worldloom", "chat-devices", "chat.example_5080", alice.Id + ".json"), file);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        // A revoked device is replaced by new keys, not reused.
        Assert.True((await alice.Client.DeleteAsync($"/api/chat/devices/{first.Id}")).IsSuccessStatusCode);
        using var replaced = await store.OpenAsync(new E2eRest(new ChatRest(alice.Client)), alice.Id, "terminal");
        Assert.NotEqual(first.Id, replaced.Id);
        Assert.NotEqual(first.Keys.Ed25519Public, replaced.Keys.Ed25519Public);

        // A damaged file is refused, never overwritten.
        await File.WriteAllTextAsync(file, "{not json");
        await Assert.ThrowsAsync<E2eException>(() => store.OpenAsync(new E2eRest(new ChatRest(alice.Client)), alice.Id, "terminal"));
        Assert.Equal("{not json", await File.ReadAllTextAsync(file));
    }

    public void Dispose()
    {
        if (Directory.Exists(_config))
        {
            Directory.Delete(_config, recursive: true);
        }
    }

    private async Task<RoomCrypto> CryptoAsync(TestUser user)
    {
        var api = new E2eRest(new ChatRest(user.Client));
        var device = await new DeviceStore(Path.Combine(_config, user.Id.ToString("N"))).OpenAsync(api, user.Id, "terminal");
        return new RoomCrypto(api, device);
    }
}
