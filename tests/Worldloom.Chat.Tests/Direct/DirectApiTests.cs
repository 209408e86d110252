using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Rooms;
using Worldloom.Chat.Tests.Encryption;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Direct;

[Trait("Category", "Integration")]
public sealed class DirectApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private static Task<HttpResponseMessage> OpenAsync(TestUser from, Guid to) => from.Client.PostAsJsonAsync("/api/chat/dms", new { userId = to });

    [Fact]
    public async Task Open_MakesOneEncryptedRoomOfTwo_WhoeverAsksAndHowOften()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();

        var created = await ChatApi.JsonAsync(await OpenAsync(alice, bob.Id), HttpStatusCode.Created);
        var again = await ChatApi.JsonAsync(await OpenAsync(alice, bob.Id), HttpStatusCode.OK);
        var fromBob = await ChatApi.JsonAsync(await OpenAsync(bob, alice.Id), HttpStatusCode.OK);

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(id, again.GetProperty("id").GetGuid());
        Assert.Equal(id, fromBob.GetProperty("id").GetGuid());
        Assert.Equal("direct", created.GetProperty("kind").GetString());
        Assert.True(created.GetProperty("encrypted").GetBoolean());
        Assert.Equal(bob.Id, created.GetProperty("peer").GetGuid());
        Assert.Equal(alice.Id, fromBob.GetProperty("peer").GetGuid());
        var members = await host.WithDbAsync(db => db.Set<ChatMember>().Where(m => m.RoomId == id).Select(m => m.UserId).ToListAsync());
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), members.Order());
        var audit = await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "chat.dm.create" && a.Target == $"chat-room:{id}"));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Open_Concurrently_FromBothSides_GivesOneRoom()
    {
        await using var host = await LoomHost.StartAsync();
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? OpenAsync(alice, bob.Id) : OpenAsync(bob, alice.Id)));

        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }

        var id = Assert.Single(ids);
        Assert.Equal(2, await host.WithDbAsync(db => db.Set<ChatMember>().CountAsync(m => m.RoomId == id)));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatRoom>().CountAsync(r => r.Kind == "direct")));
    }

    [Fact]
    public async Task Open_BadTarget_IsRefused()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();

        await ProblemJson.AssertAsync(await OpenAsync(alice, alice.Id), HttpStatusCode.BadRequest, "userId");
        await ProblemJson.AssertAsync(await alice.Client.PostAsJsonAsync("/api/chat/dms", new { }), HttpStatusCode.BadRequest, "userId");
        await ProblemJson.AssertAsync(await alice.Client.PostAsync("/api/chat/dms", ChatApi.Raw("""{"userId": "nope"}""")), HttpStatusCode.BadRequest, "userId");
        await ProblemJson.AssertAsync(await OpenAsync(alice, Guid.NewGuid()), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync("/api/chat/dms", new { userId = alice.Id })).StatusCode);
    }

    [Fact]
    public async Task Direct_IsListedForBoth_AndClosedToOthers()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var carol = await host.UserAsync();
        var id = (await ChatApi.JsonAsync(await OpenAsync(alice, bob.Id), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var bobs = (await ChatApi.GetAsync(bob, "/api/chat/rooms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        var carols = await ChatApi.GetAsync(carol, "/api/chat/rooms");

        Assert.Equal(alice.Id, bobs.GetProperty("peer").GetGuid());
        Assert.DoesNotContain(carols.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await carol.Client.PostAsync($"/api/chat/rooms/{id}/join", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carol.Client.GetAsync($"/api/chat/rooms/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = id, maxUses = 1, expiresInMinutes = 10 })).StatusCode);
        await ProblemJson.AssertAsync(await alice.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "x", kind = "direct" }), HttpStatusCode.BadRequest, "kind");
    }

    [Fact]
    public async Task Direct_RefusesPlaintext_CarriesEnvelopes_AndRotatesWhenLeft()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var id = (await ChatApi.JsonAsync(await OpenAsync(alice, bob.Id), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);
        var key = await a1.NewEpochAsync(id);

        await E2eRooms.ProblemCodeAsync(await ChatApi.PostAsync(alice, id, "hi bob"), HttpStatusCode.BadRequest, EncryptionCodes.Plaintext);
        var message = await ChatApi.JsonAsync(await a1.PostAsync(id, 1, key, "hi bob"), HttpStatusCode.Created);
        Assert.Equal("hi bob", await b1.OpenAsync(message, await b1.KeysAsync(id)));

        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.PostAsync($"/api/chat/rooms/{id}/leave", null)).StatusCode);
        Assert.True((await ChatApi.GetAsync(alice, $"/api/chat/rooms/{id}")).GetProperty("keyRotationNeeded").GetBoolean());
        await E2eRooms.ProblemCodeAsync(await a1.PostAsync(id, 1, key, "still there?"), HttpStatusCode.Conflict, EncryptionCodes.StaleKey);

        // Opening it again brings Bob back to the same room; the pending rotation then covers his device again.
        var reopened = await ChatApi.JsonAsync(await OpenAsync(alice, bob.Id), HttpStatusCode.OK);
        Assert.Equal(id, reopened.GetProperty("id").GetGuid());
        Assert.Equal(2, await host.WithDbAsync(db => db.Set<ChatMember>().CountAsync(m => m.RoomId == id)));
        var key2 = await a1.NewEpochAsync(id);
        Assert.Equal(key2, (await b1.KeysAsync(id))[2]);
    }
}
