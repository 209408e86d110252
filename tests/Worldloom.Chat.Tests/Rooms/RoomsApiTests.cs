using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Rooms;

[Trait("Category", "Integration")]
public sealed class RoomsApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Create_MakesCallerOwner_AndIsAudited()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();

        var room = await ChatApi.JsonAsync(await owner.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "  Tavern  ", kind = "invite_only" }), HttpStatusCode.Created);

        Assert.Equal("Tavern", room.GetProperty("name").GetString());
        Assert.Equal("invite_only", room.GetProperty("kind").GetString());
        Assert.Equal("owner", room.GetProperty("role").GetString());
        Assert.True(room.GetProperty("joined").GetBoolean());
        var id = room.GetProperty("id").GetGuid();
        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "chat.room.create").Select(a => a.Target).ToListAsync());
        Assert.Contains($"chat-room:{id}", audit);
    }

    [Theory]
    [InlineData("""{"name": "", "kind": "public"}""", "name")]
    [InlineData("""{"name": "   ", "kind": "public"}""", "name")]
    [InlineData("""{"name": "x", "kind": "moon"}""", "kind")]
    [InlineData("""{"name": "x"}""", "kind")]
    [InlineData("""{"name": 5, "kind": "public"}""", "name")]
    [InlineData("""{"name": "x", "kind": "public", "projectId": "nope"}""", "projectId")]
    public async Task Create_BadField_IsNamed(string json, string field)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        var response = await user.Client.PostAsync("/api/chat/rooms", ChatApi.Raw(json));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Create_TooLongNameOrTopic_IsNamed()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/chat/rooms", new { name = new string('n', 101), topic = new string('t', 501), kind = "public" });

        var problem = await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "name");
        Assert.True(problem.GetProperty("errors").TryGetProperty("topic", out _));
    }

    [Fact]
    public async Task Create_InOwnProject_Works_InSomeoneElses_IsRefused()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var project = await ProjectAsync(alice);

        var room = await ChatApi.JsonAsync(await alice.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Guild", kind = "private", projectId = project }), HttpStatusCode.Created);
        Assert.Equal(project, room.GetProperty("projectId").GetGuid());

        var stolen = await bob.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Guild", kind = "private", projectId = project });
        await ProblemJson.AssertAsync(stolen, HttpStatusCode.BadRequest, "projectId");
        var unknown = await bob.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Guild", kind = "private", projectId = Guid.NewGuid() });
        await ProblemJson.AssertAsync(unknown, HttpStatusCode.BadRequest, "projectId");
    }

    [Fact]
    public async Task PrivateRoom_IsNotFound_ForOutsiders()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var outsider = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, "private");
        var message = await ChatApi.MessageAsync(owner, room, "secret plans");

        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/rooms/{room}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await outsider.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/rooms/{room}/messages"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(outsider, room, "hi"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/messages/{message.GetProperty("id")}/history"), HttpStatusCode.NotFound);
        var listed = await ChatApi.GetAsync(outsider, "/api/chat/rooms");
        Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("id").GetGuid() == room);
    }

    [Fact]
    public async Task UnknownRoom_IsNotFound()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var id = Guid.NewGuid();

        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/chat/rooms/{id}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(user, id, "hello"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await user.Client.PostAsync($"/api/chat/rooms/{id}/join", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/chat/rooms")).StatusCode);
    }

    [Fact]
    public async Task InviteOnlyRoom_JoinWithoutInvite_IsForbiddenNamingTheInvite()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var outsider = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, "invite_only");

        var problem = await ProblemJson.AssertAsync(await outsider.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.Forbidden);

        Assert.Contains("invite", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PublicRoom_OutsiderMustJoinBeforePosting_ThenMayPost()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var guest = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner);

        var refused = await ProblemJson.AssertAsync(await ChatApi.PostAsync(guest, room, "hello"), HttpStatusCode.Forbidden);
        Assert.Contains("join the room first", refused.GetProperty("detail").GetString());
        await ProblemJson.AssertAsync(await guest.Client.GetAsync($"/api/chat/rooms/{room}/messages"), HttpStatusCode.Forbidden);
        var listed = (await ChatApi.GetAsync(guest, "/api/chat/rooms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == room);
        Assert.False(listed.GetProperty("joined").GetBoolean());

        await ChatApi.JoinAsync(guest, room);
        await ChatApi.JoinAsync(guest, room);
        await ChatApi.MessageAsync(guest, room, "hello");

        var mine = (await ChatApi.GetAsync(guest, "/api/chat/rooms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == room);
        Assert.Equal("member", mine.GetProperty("role").GetString());
        var joins = await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "chat.room.join" && a.Target == $"chat-room:{room}"));
        Assert.Equal(1, joins);
    }

    [Fact]
    public async Task Leave_OnlyOwner_Conflicts_MemberLeaves()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var guest = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner);
        await ChatApi.JoinAsync(guest, room);

        await ProblemJson.AssertAsync(await owner.Client.PostAsync($"/api/chat/rooms/{room}/leave", null), HttpStatusCode.Conflict, "room");
        Assert.Equal(HttpStatusCode.NoContent, (await guest.Client.PostAsync($"/api/chat/rooms/{room}/leave", null)).StatusCode);

        await ProblemJson.AssertAsync(await ChatApi.PostAsync(guest, room, "still here?"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await guest.Client.PostAsync($"/api/chat/rooms/{room}/leave", null), HttpStatusCode.Forbidden);
        var leaves = await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "chat.room.leave" && a.Target == $"chat-room:{room}"));
        Assert.Equal(1, leaves);
    }

    [Fact]
    public async Task Unread_CountsOthersMessagesAfterTheMarker_NotDeleted()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var first = await ChatApi.MessageAsync(bob, room, "one");
        await ChatApi.MessageAsync(bob, room, "two");
        var third = await ChatApi.MessageAsync(bob, room, "three");
        await ChatApi.MessageAsync(alice, room, "mine");

        Assert.Equal(3, await UnreadAsync(alice, room));
        Assert.Equal(1, await UnreadAsync(bob, room));

        var read = await ChatApi.JsonAsync(await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/read", new { messageId = first.GetProperty("id").GetGuid() }), HttpStatusCode.OK);
        Assert.Equal(2, read.GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.DeleteAsync($"/api/chat/messages/{third.GetProperty("id")}")).StatusCode);
        Assert.Equal(1, await UnreadAsync(alice, room));

        // The marker never moves back; a message of another room or none at all is refused.
        await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/read", new { messageId = third.GetProperty("id").GetGuid() });
        var back = await ChatApi.JsonAsync(await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/read", new { messageId = first.GetProperty("id").GetGuid() }), HttpStatusCode.OK);
        Assert.Equal(third.GetProperty("id").GetGuid(), back.GetProperty("lastReadMessageId").GetGuid());
        Assert.Equal(0, back.GetProperty("unread").GetInt32());
        await ProblemJson.AssertAsync(await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/read", new { messageId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "messageId");
        await ProblemJson.AssertAsync(await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/read", new { }), HttpStatusCode.BadRequest, "messageId");
    }

    private static async Task<int> UnreadAsync(TestUser user, Guid room) =>
        (await ChatApi.GetAsync(user, "/api/chat/rooms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == room).GetProperty("unread").GetInt32();

    private static async Task<Guid> ProjectAsync(TestUser user)
    {
        var response = await user.Client.PostAsJsonAsync("/api/projects", new { name = "Chat test" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
