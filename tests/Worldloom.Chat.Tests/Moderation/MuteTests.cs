using System.Net;
using System.Net.Http.Json;
using Worldloom.Platform.Tests.Support;
using static Worldloom.Chat.Tests.Moderation.ModerationSteps;

namespace Worldloom.Chat.Tests.Moderation;

[Trait("Category", "Integration")]
public sealed class MuteTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Mute_RefusesPostingEditingAndReacting_ButNotReading_UntilItExpires()
    {
        await using var host = await LoomHost.StartAsync();
        var (_, moderator, member, room) = await RoomWithStaffAsync(host);
        var mine = await ChatApi.MessageAsync(member, room, "before the mute");
        var id = mine.GetProperty("id").GetGuid();

        var muted = await ChatApi.JsonAsync(await MuteAsync(moderator, room, member.Id, 10), HttpStatusCode.OK);
        var until = host.Clock.GetUtcNow().AddMinutes(10);
        Assert.Equal(until, muted.GetProperty("mutedUntil").GetDateTimeOffset());

        var post = await ChatApi.PostAsync(member, room, "hello?");
        var problem = await ProblemJson.AssertAsync(post, HttpStatusCode.Forbidden);
        Assert.Equal("muted", problem.GetProperty("code").GetString());
        Assert.Contains("muted in this room until 2026-11-25T12:10:00Z", problem.GetProperty("detail").GetString());
        Assert.Equal("600", post.Headers.RetryAfter?.ToString());
        await ProblemJson.AssertAsync(await member.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "edited" }), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await member.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "👍" }), HttpStatusCode.Forbidden);
        await ChatApi.GetAsync(member, $"/api/chat/rooms/{room}/messages");
        Assert.Equal(until, Member(await MembersAsync(member, room), member.Id)!.Value.GetProperty("mutedUntil").GetDateTimeOffset());

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await ChatApi.MessageAsync(member, room, "free again");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Member(await MembersAsync(member, room), member.Id)!.Value.GetProperty("mutedUntil").ValueKind);
        Assert.Contains("chat.member.mute", await AuditAsync(host, room));
    }

    [Fact]
    public async Task Unmute_LiftsTheMute()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);
        await ChatApi.JsonAsync(await MuteAsync(owner, room, moderator.Id, 60), HttpStatusCode.OK);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(moderator, room, "hm"), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/chat/rooms/{room}/members/{moderator.Id}/mute")).StatusCode);

        await ChatApi.MessageAsync(moderator, room, "thanks");
        await ProblemJson.AssertAsync(await member.Client.DeleteAsync($"/api/chat/rooms/{room}/members/{moderator.Id}/mute"), HttpStatusCode.Forbidden);
        Assert.Contains("chat.member.unmute", await AuditAsync(host, room));
    }

    [Theory]
    [InlineData("""{"minutes": 0}""")]
    [InlineData("""{"minutes": 43201}""")]
    [InlineData("""{}""")]
    [InlineData("""{"minutes": "ten"}""")]
    public async Task Mute_BadMinutes_Is400(string json)
    {
        var host = fixture.Host;
        var (_, moderator, member, room) = await RoomWithStaffAsync(host);

        var response = await moderator.Client.PostAsync($"/api/chat/rooms/{room}/members/{member.Id}/mute", ChatApi.Raw(json));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "minutes");
    }

    [Fact]
    public async Task Mute_RespectsRanks()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);

        await ProblemJson.AssertAsync(await MuteAsync(member, room, moderator.Id, 5), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await MuteAsync(moderator, room, owner.Id, 5), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await MuteAsync(moderator, room, Guid.NewGuid(), 5), HttpStatusCode.NotFound);
        await ChatApi.JsonAsync(await MuteAsync(moderator, room, member.Id, 5), HttpStatusCode.OK);
    }
}
