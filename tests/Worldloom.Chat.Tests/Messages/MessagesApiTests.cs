using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Messages;

[Trait("Category", "Integration")]
public sealed class MessagesApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Post_SameClientIdAgain_ReturnsTheSameMessageWith200()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user);

        var first = await ChatApi.JsonAsync(await ChatApi.PostAsync(user, room, "hello", "c-1"), HttpStatusCode.Created);
        var again = await ChatApi.JsonAsync(await ChatApi.PostAsync(user, room, "hello, edited in the outbox", "c-1"), HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal("hello", again.GetProperty("body").GetString());
        Assert.Equal(user.Id, first.GetProperty("authorId").GetGuid());
        Assert.False(first.GetProperty("edited").GetBoolean());
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == room)));
    }

    [Fact]
    public async Task Post_SixConcurrentWithOneClientId_StoreExactlyOne()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ChatApi.PostAsync(user, room, "once", "same-id")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == room)));
    }

    [Fact]
    public async Task Post_SameClientIdByAnotherAuthor_IsAnotherMessage()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);

        await ChatApi.JsonAsync(await ChatApi.PostAsync(alice, room, "a", "x"), HttpStatusCode.Created);
        await ChatApi.JsonAsync(await ChatApi.PostAsync(bob, room, "b", "x"), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"body": "", "clientId": "a"}""", "body")]
    [InlineData("""{"body": "   \n\t ", "clientId": "a"}""", "body")]
    [InlineData("""{"clientId": "a"}""", "body")]
    [InlineData("""{"body": 5, "clientId": "a"}""", "body")]
    [InlineData("""{"body": ["x"], "clientId": "a"}""", "body")]
    [InlineData("""{"body": "hi"}""", "clientId")]
    [InlineData("""{"body": "hi", "clientId": ""}""", "clientId")]
    [InlineData("""{"body": "hi", "clientId": "has space"}""", "clientId")]
    [InlineData("""{"body": "hi", "clientId": 7}""", "clientId")]
    [InlineData("""{"body": "hi", "clientId": "a", "replyTo": "yesterday"}""", "replyTo")]
    [InlineData("""{"body": "hi", "clientId": "a", "replyTo": "00000000-0000-0000-0000-000000000001"}""", "replyTo")]
    public async Task Post_BadField_IsNamed(string json, string field)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user);

        var response = await user.Client.PostAsync($"/api/chat/rooms/{room}/messages", ChatApi.Raw(json));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Post_BodyAtAndOverTheLimit_AndClientIdAtAndOverItsLimit()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user);

        await ChatApi.JsonAsync(await ChatApi.PostAsync(user, room, new string('a', 4000), new string('k', 64)), HttpStatusCode.Created);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(user, room, new string('a', 4001)), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(user, room, "fine", new string('k', 65)), HttpStatusCode.BadRequest, "clientId");
    }

    [Fact]
    public async Task Post_ReplyToAMessageOfAnotherRoom_IsRefused_SameRoomIsShown()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var here = await ChatApi.RoomAsync(user);
        var there = await ChatApi.RoomAsync(user);
        var elsewhere = await ChatApi.MessageAsync(user, there, "over there");
        var parent = await ChatApi.MessageAsync(user, here, "question?");

        var cross = await ChatApi.PostAsync(user, here, "answer", replyTo: elsewhere.GetProperty("id").GetGuid());
        await ProblemJson.AssertAsync(cross, HttpStatusCode.BadRequest, "replyTo");

        var reply = await ChatApi.MessageAsync(user, here, "answer", parent.GetProperty("id").GetGuid());
        Assert.Equal(parent.GetProperty("id").GetGuid(), reply.GetProperty("replyTo").GetGuid());
        var listed = await ChatApi.GetAsync(user, $"/api/chat/rooms/{here}/messages");
        Assert.Equal(parent.GetProperty("id").GetGuid(), listed[0].GetProperty("replyTo").GetGuid());
    }

    [Fact]
    public async Task List_PagesNewestFirstBackwards_AndOldestFirstForwards()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user);
        // The test clock stands still: all five share one millisecond, and ids must still keep their order.
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await ChatApi.MessageAsync(user, room, $"m{i}")).GetProperty("id").GetGuid());
        }

        var newest = await ChatApi.GetAsync(user, $"/api/chat/rooms/{room}/messages?limit=2");
        Assert.Equal([ids[4], ids[3]], newest.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        var older = await ChatApi.GetAsync(user, $"/api/chat/rooms/{room}/messages?limit=2&before={ids[3]}");
        Assert.Equal([ids[2], ids[1]], older.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        var after = await ChatApi.GetAsync(user, $"/api/chat/rooms/{room}/messages?limit=2&after={ids[1]}");
        Assert.Equal([ids[2], ids[3]], after.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        var all = await ChatApi.GetAsync(user, $"/api/chat/rooms/{room}/messages");
        Assert.Equal(5, all.GetArrayLength());
        Assert.Equal("m4", all[0].GetProperty("body").GetString());

        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/chat/rooms/{room}/messages?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/chat/rooms/{room}/messages?limit=201"), HttpStatusCode.BadRequest, "limit");
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/chat/rooms/{room}/messages?before={ids[1]}&after={ids[0]}"), HttpStatusCode.BadRequest, "after");
    }

    [Fact]
    public async Task Edit_KeepsEveryEarlierBody_AndShowsEdited()
    {
        var host = fixture.Host;
        var author = await host.UserAsync();
        var other = await host.UserAsync();
        var room = await ChatApi.RoomAsync(author);
        await ChatApi.JoinAsync(other, room);
        var id = (await ChatApi.MessageAsync(author, room, "v1")).GetProperty("id").GetGuid();

        await ChatApi.JsonAsync(await author.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "v2" }), HttpStatusCode.OK);
        var edited = await ChatApi.JsonAsync(await author.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "v3" }), HttpStatusCode.OK);

        Assert.Equal("v3", edited.GetProperty("body").GetString());
        Assert.True(edited.GetProperty("edited").GetBoolean());
        var history = await ChatApi.GetAsync(other, $"/api/chat/messages/{id}/history");
        Assert.Equal(["v1", "v2"], history.EnumerateArray().Select(r => r.GetProperty("body").GetString()));
        var listed = await ChatApi.GetAsync(other, $"/api/chat/rooms/{room}/messages");
        Assert.True(listed[0].GetProperty("edited").GetBoolean());

        await ProblemJson.AssertAsync(await other.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "mine now" }), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await author.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = " " }), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await author.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = new string('x', 4001) }), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await author.Client.PatchAsync($"/api/chat/messages/{id}", ChatApi.Raw("""{"body": false}""")), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await author.Client.PatchAsJsonAsync($"/api/chat/messages/{Guid.NewGuid()}", new { body = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(2, (await ChatApi.GetAsync(other, $"/api/chat/messages/{id}/history")).GetArrayLength());
    }

    [Fact]
    public async Task Get_OneMessageById_ForMembersOnly()
    {
        var host = fixture.Host;
        var author = await host.UserAsync();
        var member = await host.UserAsync();
        var stranger = await host.UserAsync();
        var room = await ChatApi.RoomAsync(author, "invite_only");
        var invite = await ChatApi.JsonAsync(await author.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = room, maxUses = 1, expiresInMinutes = 10 }), HttpStatusCode.Created);
        await ChatApi.JsonAsync(await member.Client.PostAsync($"/api/chat/invites/{invite.GetProperty("code").GetString()}/accept", null), HttpStatusCode.OK);
        var id = (await ChatApi.MessageAsync(author, room, "first")).GetProperty("id").GetGuid();
        await author.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "first, edited" });
        await member.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "👍" });

        var got = await ChatApi.GetAsync(member, $"/api/chat/messages/{id}");

        Assert.Equal(id, got.GetProperty("id").GetGuid());
        Assert.Equal(room, got.GetProperty("roomId").GetGuid());
        Assert.Equal("first, edited", got.GetProperty("body").GetString());
        Assert.True(got.GetProperty("edited").GetBoolean());
        Assert.Equal(1, got.GetProperty("reactions").GetProperty("👍").GetInt32());
        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/chat/messages/{id}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await member.Client.GetAsync($"/api/chat/messages/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync("/api/chat/messages/not-a-guid")).StatusCode);

        await author.Client.DeleteAsync($"/api/chat/messages/{id}");
        var tombstone = await ChatApi.GetAsync(member, $"/api/chat/messages/{id}");
        Assert.True(tombstone.GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tombstone.GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task Edit_ConcurrentEdits_LoseNoRevision()
    {
        var host = fixture.Host;
        var author = await host.UserAsync();
        var room = await ChatApi.RoomAsync(author);
        var id = (await ChatApi.MessageAsync(author, room, "v0")).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => author.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = $"v{i}" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var applied = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(applied >= 1);
        var history = await ChatApi.GetAsync(author, $"/api/chat/messages/{id}/history");
        Assert.Equal(applied, history.GetArrayLength());
        Assert.Equal("v0", history[0].GetProperty("body").GetString());
        Assert.Equal(applied + 1, history.EnumerateArray().Select(r => r.GetProperty("body").GetString()).Append((await ChatApi.GetAsync(author, $"/api/chat/rooms/{room}/messages"))[0].GetProperty("body").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Delete_LeavesATombstone_AuthorOrModeratorOnly()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner);
        await ChatApi.JoinAsync(alice, room);
        await ChatApi.JoinAsync(bob, room);
        var own = (await ChatApi.MessageAsync(alice, room, "oops")).GetProperty("id").GetGuid();
        var rude = (await ChatApi.MessageAsync(alice, room, "rude")).GetProperty("id").GetGuid();
        await alice.Client.PatchAsJsonAsync($"/api/chat/messages/{own}", new { body = "oops, edited" });

        await ProblemJson.AssertAsync(await bob.Client.DeleteAsync($"/api/chat/messages/{rude}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/chat/messages/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/chat/messages/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/chat/messages/{rude}")).StatusCode);

        var listed = await ChatApi.GetAsync(bob, $"/api/chat/rooms/{room}/messages");
        Assert.All(listed.EnumerateArray(), m =>
        {
            Assert.True(m.GetProperty("deleted").GetBoolean());
            Assert.Equal(JsonValueKind.Null, m.GetProperty("body").ValueKind);
        });
        Assert.Equal(0, (await ChatApi.GetAsync(bob, $"/api/chat/messages/{own}/history")).GetArrayLength());
        var stored = await host.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.RoomId == room).Select(m => m.Body).ToListAsync());
        Assert.All(stored, b => Assert.Equal("", b));
        await ProblemJson.AssertAsync(await alice.Client.PatchAsJsonAsync($"/api/chat/messages/{own}", new { body = "back" }), HttpStatusCode.Conflict);

        // Only the moderator's delete of someone else's message goes into the audit chain.
        var audited = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "chat.message.delete").Select(a => a.Target).ToListAsync());
        Assert.Contains($"chat-message:{rude}", audited);
        Assert.DoesNotContain($"chat-message:{own}", audited);
    }

    [Fact]
    public async Task NonMember_CannotEditDeleteOrReadHistory_InAPublicRoom()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var outsider = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner);
        var id = (await ChatApi.MessageAsync(owner, room, "hi")).GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await outsider.Client.DeleteAsync($"/api/chat/messages/{id}"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/messages/{id}/history"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await outsider.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "x" }), HttpStatusCode.Forbidden);
    }
}
