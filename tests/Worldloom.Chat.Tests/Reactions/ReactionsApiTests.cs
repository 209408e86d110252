using System.Net;
using System.Net.Http.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Reactions;

[Trait("Category", "Integration")]
public sealed class ReactionsApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Add_IsIdempotent_CountsByEmoji_AndRemoveTakesOneAway()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var id = (await ChatApi.MessageAsync(alice, room, "dragons sighted")).GetProperty("id").GetGuid();

        await ChatApi.JsonAsync(await alice.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "👍" }), HttpStatusCode.Created);
        await ChatApi.JsonAsync(await alice.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "👍" }), HttpStatusCode.OK);
        var counted = await ChatApi.JsonAsync(await bob.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "👍" }), HttpStatusCode.Created);
        await bob.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "🐉" });

        Assert.Equal(2, counted.GetProperty("reactions").GetProperty("👍").GetInt32());
        var listed = (await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/messages"))[0].GetProperty("reactions");
        Assert.Equal(2, listed.GetProperty("👍").GetInt32());
        Assert.Equal(1, listed.GetProperty("🐉").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.DeleteAsync($"/api/chat/messages/{id}/reactions/{Uri.EscapeDataString("👍")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.DeleteAsync($"/api/chat/messages/{id}/reactions/{Uri.EscapeDataString("👍")}")).StatusCode);
        var after = (await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/messages"))[0].GetProperty("reactions");
        Assert.Equal(1, after.GetProperty("👍").GetInt32());
    }

    [Theory]
    [InlineData("""{"emoji": ""}""")]
    [InlineData("""{"emoji": "a b"}""")]
    [InlineData("""{"emoji": "\u0007"}""")]
    [InlineData("""{"emoji": "12345678901234567"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"emoji": 1}""")]
    public async Task Add_BadEmoji_IsNamed(string json)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user);
        var id = (await ChatApi.MessageAsync(user, room, "hi")).GetProperty("id").GetGuid();

        var response = await user.Client.PostAsync($"/api/chat/messages/{id}/reactions", ChatApi.Raw(json));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "emoji");
    }
}
