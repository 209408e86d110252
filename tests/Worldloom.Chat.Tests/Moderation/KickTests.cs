using System.Net;
using Worldloom.Platform.Tests.Support;
using static Worldloom.Chat.Tests.Moderation.ModerationSteps;

namespace Worldloom.Chat.Tests.Moderation;

[Trait("Category", "Integration")]
public sealed class KickTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Kick_ByModerator_RemovesTheMember_WhoMayJoinAgain()
    {
        var host = fixture.Host;
        var (_, moderator, member, room) = await RoomWithStaffAsync(host);

        Assert.Equal(HttpStatusCode.NoContent, (await KickAsync(moderator, room, member.Id, "spamming")).StatusCode);

        await ProblemJson.AssertAsync(await ChatApi.PostAsync(member, room, "still here?"), HttpStatusCode.Forbidden);
        Assert.Null(Member(await MembersAsync(moderator, room), member.Id));
        await ProblemJson.AssertAsync(await KickAsync(moderator, room, member.Id), HttpStatusCode.NotFound);
        await ChatApi.JoinAsync(member, room);
        await ChatApi.MessageAsync(member, room, "back again");
        Assert.Contains("chat.member.kick", await AuditAsync(host, room));
    }

    [Fact]
    public async Task Kick_RespectsRanks()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);
        var second = await host.UserAsync();
        await ChatApi.JoinAsync(second, room);
        await ChatApi.JsonAsync(await SetRoleAsync(owner, room, second.Id, "moderator"), HttpStatusCode.OK);

        // A member cannot kick; a moderator cannot kick an owner or another moderator, nor themselves.
        await ProblemJson.AssertAsync(await KickAsync(member, room, moderator.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await KickAsync(member, room, member.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await KickAsync(moderator, room, owner.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await KickAsync(moderator, room, second.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await KickAsync(moderator, room, moderator.Id), HttpStatusCode.Forbidden);
        // Unknown users and non-members are 404; an outsider of a private room does not learn it exists.
        await ProblemJson.AssertAsync(await KickAsync(moderator, room, Guid.NewGuid()), HttpStatusCode.NotFound);
        var (_, _, _, hidden) = await RoomWithStaffAsync(host, "private");
        await ProblemJson.AssertAsync(await KickAsync(moderator, hidden, member.Id), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await KickAsync(moderator, room, member.Id, new string('x', 501)), HttpStatusCode.BadRequest, "reason");

        // An owner may kick a moderator.
        Assert.Equal(HttpStatusCode.NoContent, (await KickAsync(owner, room, second.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await KickAsync(moderator, room, member.Id)).StatusCode);
        Assert.Equal(2, (await AuditAsync(host, room)).Count(a => a == "chat.member.kick"));
    }

    [Fact]
    public async Task Kick_WithoutABody_IsAccepted()
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host);

        var response = await owner.Client.PostAsync($"/api/chat/rooms/{room}/members/{member.Id}/kick", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
