using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Tests.Support;
using static Worldloom.Chat.Tests.Moderation.ModerationSteps;

namespace Worldloom.Chat.Tests.Moderation;

[Trait("Category", "Integration")]
public sealed class BanTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Ban_RemovesTheMember_AndRefusesPublicJoinUntilUnbanned()
    {
        var host = fixture.Host;
        var (_, moderator, member, room) = await RoomWithStaffAsync(host);

        var ban = await ChatApi.JsonAsync(await BanAsync(moderator, room, member.Id, reason: "abuse"), HttpStatusCode.Created);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ban.GetProperty("expiresAt").ValueKind);

        var join = await ProblemJson.AssertAsync(await member.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.Forbidden);
        Assert.Contains("you are banned from this room", join.GetProperty("detail").GetString());
        Assert.Equal("banned", join.GetProperty("code").GetString());
        var post = await ProblemJson.AssertAsync(await ChatApi.PostAsync(member, room, "let me in"), HttpStatusCode.Forbidden);
        Assert.Equal("banned", post.GetProperty("code").GetString());
        var bans = await ChatApi.GetAsync(moderator, $"/api/chat/rooms/{room}/bans");
        Assert.Equal(member.Id, bans.EnumerateArray().Single().GetProperty("userId").GetGuid());
        await ProblemJson.AssertAsync(await member.Client.GetAsync($"/api/chat/rooms/{room}/bans"), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await moderator.Client.DeleteAsync($"/api/chat/rooms/{room}/bans/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.Client.DeleteAsync($"/api/chat/rooms/{room}/bans/{member.Id}")).StatusCode);
        await ChatApi.JoinAsync(member, room);
        var audit = await AuditAsync(host, room);
        Assert.Contains("chat.member.ban", audit);
        Assert.Single(audit, a => a == "chat.member.unban");
    }

    [Fact]
    public async Task Ban_RefusesInviteAccept_WithoutSpendingAUse()
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host, "invite_only");
        await ChatApi.JsonAsync(await BanAsync(owner, room, member.Id), HttpStatusCode.Created);
        var invite = await ChatApi.JsonAsync(await owner.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = room, maxUses = 1, expiresInMinutes = 60 }), HttpStatusCode.Created);
        var code = invite.GetProperty("code").GetString();

        var refused = await ProblemJson.AssertAsync(await member.Client.PostAsync($"/api/chat/invites/{code}/accept", null), HttpStatusCode.Forbidden);

        Assert.Contains("you are banned from this room", refused.GetProperty("detail").GetString());
        var other = await host.UserAsync();
        await ChatApi.JsonAsync(await other.Client.PostAsync($"/api/chat/invites/{code}/accept", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ban_Timed_StopsApplyingWhenItExpires()
    {
        await using var host = await LoomHost.StartAsync();
        var (_, moderator, member, room) = await RoomWithStaffAsync(host);
        var ban = await ChatApi.JsonAsync(await BanAsync(moderator, room, member.Id, minutes: 5), HttpStatusCode.Created);
        Assert.Equal(host.Clock.GetUtcNow().AddMinutes(5), ban.GetProperty("expiresAt").GetDateTimeOffset());

        var refused = await ProblemJson.AssertAsync(await member.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.Forbidden);
        Assert.Contains("until", refused.GetProperty("detail").GetString());
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await ChatApi.JoinAsync(member, room);
        await ChatApi.MessageAsync(member, room, "served my time");
        Assert.Empty((await ChatApi.GetAsync(moderator, $"/api/chat/rooms/{room}/bans")).EnumerateArray());
    }

    [Fact]
    public async Task Ban_TwiceAtOnce_StoresOneBan()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);

        var responses = await Task.WhenAll(BanAsync(owner, room, member.Id), BanAsync(moderator, room, member.Id, minutes: 60));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatBan>().CountAsync(b => b.RoomId == room)));
        Assert.False(await host.WithDbAsync(db => db.Set<ChatMember>().AnyAsync(m => m.RoomId == room && m.UserId == member.Id)));
        // Banning again replaces the ban: 200.
        await ChatApi.JsonAsync(await BanAsync(owner, room, member.Id, minutes: 10), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ban_RespectsRanks_AndChecksInput()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);
        var outsider = await host.UserAsync();

        await ProblemJson.AssertAsync(await BanAsync(member, room, outsider.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await BanAsync(moderator, room, owner.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await BanAsync(moderator, room, moderator.Id), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await BanAsync(moderator, room, Guid.NewGuid()), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await moderator.Client.DeleteAsync($"/api/chat/rooms/{room}/bans/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await BanAsync(moderator, room, member.Id, minutes: 0), HttpStatusCode.BadRequest, "minutes");
        await ProblemJson.AssertAsync(await BanAsync(moderator, room, member.Id, minutes: 365 * 24 * 60 + 1), HttpStatusCode.BadRequest, "minutes");
        await ProblemJson.AssertAsync(await moderator.Client.PostAsync($"/api/chat/rooms/{room}/bans", ChatApi.Raw("{}")), HttpStatusCode.BadRequest, "userId");
        await ProblemJson.AssertAsync(await moderator.Client.PostAsync($"/api/chat/rooms/{room}/bans", ChatApi.Raw("""{"userId": "nope"}""")), HttpStatusCode.BadRequest);

        // A non-member may be banned ahead of joining.
        await ChatApi.JsonAsync(await BanAsync(moderator, room, outsider.Id), HttpStatusCode.Created);
        await ProblemJson.AssertAsync(await outsider.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.Forbidden);
    }
}
