using System.Net;
using System.Net.Http.Json;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Encryption;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Encryption;

[Trait("Category", "Integration")]
public sealed class EncryptedMessagesTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private sealed record Room(TestUser Alice, TestUser Bob, Guid Id, E2eDevice A1, E2eDevice B1, byte[] Key) : IDisposable
    {
        public void Dispose()
        {
            A1.Dispose();
            B1.Dispose();
        }
    }

    private async Task<Room> SetUpAsync(bool withKey = true)
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var a1 = await E2eDevice.RegisterAsync(alice);
        var b1 = await E2eDevice.RegisterAsync(bob);
        var key = withKey ? await a1.NewEpochAsync(room) : [];
        return new Room(alice, bob, room, a1, b1, key);
    }

    [Fact]
    public async Task Envelope_IsStoredAsSent_AndTheOtherMemberOpensIt()
    {
        using var r = await SetUpAsync();

        var posted = await ChatApi.JsonAsync(await r.A1.PostAsync(r.Id, 1, r.Key, "the key is under the third stone"), HttpStatusCode.Created);

        var page = await ChatApi.GetAsync(r.Bob, $"/api/chat/rooms/{r.Id}/messages");
        var message = Assert.Single(page.EnumerateArray());
        Assert.StartsWith("e1.", message.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(posted.GetProperty("body").GetString(), message.GetProperty("body").GetString());
        Assert.Equal("the key is under the third stone", await r.B1.OpenAsync(message, await r.B1.KeysAsync(r.Id)));
    }

    [Fact]
    public async Task LongestMessage_FitsAsAnEnvelope_ButPlainRoomsKeepTheirLimit()
    {
        using var r = await SetUpAsync();
        var plain = await ChatApi.RoomAsync(r.Alice);

        await ChatApi.JsonAsync(await r.A1.PostAsync(r.Id, 1, r.Key, new string('東', 4000)), HttpStatusCode.Created);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(r.Alice, plain, new string('x', 4001)), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(r.Alice, r.Id, "e1." + new string('A', MessageEnvelope.MaxLength)), HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [InlineData("hello in the clear", EncryptionCodes.Plaintext)]
    [InlineData("e1.", EncryptionCodes.Malformed)]
    [InlineData("e1.AAAA", EncryptionCodes.Malformed)]
    [InlineData("e1.not base64!", EncryptionCodes.Malformed)]
    public async Task BadBody_InEncryptedRoom_IsRefusedWithItsCode(string body, string code)
    {
        using var r = await SetUpAsync();

        await E2eRooms.ProblemCodeAsync(await ChatApi.PostAsync(r.Alice, r.Id, body), HttpStatusCode.BadRequest, code);

        Assert.Empty((await ChatApi.GetAsync(r.Alice, $"/api/chat/rooms/{r.Id}/messages")).EnumerateArray());
    }

    [Fact]
    public async Task Envelope_BeforeAnyKey_Is409()
    {
        using var r = await SetUpAsync(withKey: false);

        var response = await r.A1.PostAsync(r.Id, 1, RoomKeyWrap.NewRoomKey(), "too early");

        await E2eRooms.ProblemCodeAsync(response, HttpStatusCode.Conflict, EncryptionCodes.NoRoomKey);
    }

    [Fact]
    public async Task Envelope_FromAnotherUsersDevice_OrUnderAnotherClientId_IsRefused()
    {
        using var r = await SetUpAsync();
        var clientId = "c-replay";
        var sealedByAlice = r.A1.Seal(r.Id, 1, r.Key, "mine", clientId);

        // Bob posts Alice's envelope as his own: its device is not his.
        await E2eRooms.ProblemCodeAsync(await ChatApi.PostAsync(r.Bob, r.Id, sealedByAlice, clientId), HttpStatusCode.BadRequest, EncryptionCodes.UnknownDevice);
        // Alice's envelope replayed under another client id: the signature binds the first.
        await E2eRooms.ProblemCodeAsync(await ChatApi.PostAsync(r.Alice, r.Id, sealedByAlice, "c-other"), HttpStatusCode.BadRequest, EncryptionCodes.BadSignature);
        // An envelope sealed for another room.
        var other = await E2eRooms.CreateAsync(r.Alice);
        var forOther = r.A1.Seal(other, 1, r.Key, "elsewhere", "c-x");
        await E2eRooms.ProblemCodeAsync(await ChatApi.PostAsync(r.Alice, r.Id, forOther, "c-x"), HttpStatusCode.BadRequest, EncryptionCodes.BadSignature);
        await ChatApi.JsonAsync(await ChatApi.PostAsync(r.Alice, r.Id, sealedByAlice, clientId), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Envelope_AfterALeave_IsStale_UntilTheKeyRotates()
    {
        using var r = await SetUpAsync();
        await ChatApi.JsonAsync(await r.A1.PostAsync(r.Id, 1, r.Key, "before", "c-before"), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await r.Bob.Client.PostAsync($"/api/chat/rooms/{r.Id}/leave", null)).StatusCode);

        var stale = await r.A1.PostAsync(r.Id, 1, r.Key, "after, old key");
        var resend = await r.A1.PostAsync(r.Id, 1, r.Key, "before", "c-before");
        var key2 = await r.A1.NewEpochAsync(r.Id);
        var oldEpoch = await r.A1.PostAsync(r.Id, 1, r.Key, "old key again");
        var fresh = await r.A1.PostAsync(r.Id, 2, key2, "after, new key");

        Assert.Equal(1, (await E2eRooms.ProblemCodeAsync(stale, HttpStatusCode.Conflict, EncryptionCodes.StaleKey)).GetProperty("currentEpoch").GetInt32());
        // A resend of a message stored before the rotation still finds it: idempotency comes first.
        await ChatApi.JsonAsync(resend, HttpStatusCode.OK);
        Assert.Equal(2, (await E2eRooms.ProblemCodeAsync(oldEpoch, HttpStatusCode.Conflict, EncryptionCodes.StaleKey)).GetProperty("currentEpoch").GetInt32());
        await ChatApi.JsonAsync(fresh, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Envelope_FromARevokedDevice_IsRefused()
    {
        using var r = await SetUpAsync();
        using var a2 = await E2eDevice.RegisterAsync(r.Alice, "old phone");
        var key = await r.A1.NewEpochAsync(r.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await r.Alice.Client.DeleteAsync($"/api/chat/devices/{a2.Id}")).StatusCode);
        var key3 = await r.A1.NewEpochAsync(r.Id);

        var response = await a2.PostAsync(r.Id, 3, key3, "from the drawer");

        Assert.NotEqual(key, key3);
        await E2eRooms.ProblemCodeAsync(response, HttpStatusCode.BadRequest, EncryptionCodes.UnknownDevice);
    }

    [Fact]
    public async Task Edit_CarriesANewEnvelope_KeptInHistory_PlaintextRefused()
    {
        using var r = await SetUpAsync();
        var posted = await ChatApi.JsonAsync(await r.A1.PostAsync(r.Id, 1, r.Key, "first draft", "c-edit"), HttpStatusCode.Created);
        var id = posted.GetProperty("id").GetGuid();

        var plain = await r.Alice.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "second draft in the clear" });
        var otherClientId = await r.Alice.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = r.A1.Seal(r.Id, 1, r.Key, "second draft", "c-other") });
        var edited = await ChatApi.JsonAsync(
            await r.Alice.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = r.A1.Seal(r.Id, 1, r.Key, "second draft", "c-edit") }), HttpStatusCode.OK);

        await E2eRooms.ProblemCodeAsync(plain, HttpStatusCode.BadRequest, EncryptionCodes.Plaintext);
        await E2eRooms.ProblemCodeAsync(otherClientId, HttpStatusCode.BadRequest, EncryptionCodes.BadSignature);
        Assert.True(edited.GetProperty("edited").GetBoolean());
        var keys = await r.B1.KeysAsync(r.Id);
        Assert.Equal("second draft", await r.B1.OpenAsync(edited, keys));
        var history = await ChatApi.GetAsync(r.Bob, $"/api/chat/messages/{id}/history");
        Assert.Equal(posted.GetProperty("body").GetString(), Assert.Single(history.EnumerateArray()).GetProperty("body").GetString());
    }

    [Fact]
    public async Task PlainRoom_AcceptsPlaintext_AndNoKeys()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var plain = await ChatApi.RoomAsync(alice);

        await ChatApi.MessageAsync(alice, plain, "hello");
        var view = await ChatApi.GetAsync(alice, $"/api/chat/rooms/{plain}");

        Assert.False(view.GetProperty("encrypted").GetBoolean());
        await ProblemJson.AssertAsync(await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{plain}/keys", new { epoch = 1 }), HttpStatusCode.Conflict, "room");
    }
}
