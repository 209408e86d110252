using System.Net;
using Worldloom.Platform.Tests.Support;
using static Worldloom.Chat.Tests.Moderation.ModerationSteps;

namespace Worldloom.Chat.Tests.Moderation;

[Trait("Category", "Integration")]
public sealed class RolesTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task SetRole_OwnerPromotesAndDemotes_MembersListShowsIt_AndIsAudited()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);

        var members = await MembersAsync(member, room);
        Assert.Equal(3, members.GetArrayLength());
        Assert.Equal("owner", members[0].GetProperty("role").GetString());
        Assert.Equal("moderator", Member(members, moderator.Id)!.Value.GetProperty("role").GetString());
        Assert.Equal("member", Member(members, member.Id)!.Value.GetProperty("role").GetString());
        Assert.Equal(JsonValueKindNull, Member(members, member.Id)!.Value.GetProperty("mutedUntil").ValueKind);

        var promoted = await ChatApi.JsonAsync(await SetRoleAsync(owner, room, member.Id, "owner"), HttpStatusCode.OK);
        Assert.Equal("owner", promoted.GetProperty("role").GetString());
        await ChatApi.JsonAsync(await SetRoleAsync(owner, room, moderator.Id, "member"), HttpStatusCode.OK);
        // The new owner may demote the original one: there is still an owner left.
        await ChatApi.JsonAsync(await SetRoleAsync(member, room, owner.Id, "moderator"), HttpStatusCode.OK);
        // Same role again changes nothing and answers 200.
        await ChatApi.JsonAsync(await SetRoleAsync(member, room, owner.Id, "moderator"), HttpStatusCode.OK);

        var audit = await AuditAsync(host, room);
        Assert.Equal(4, audit.Count(a => a == "chat.member.role"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task SetRole_OnlyOwnersChangeRoles_AndTheLastOwnerStays()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);

        await ProblemJson.AssertAsync(await SetRoleAsync(moderator, room, member.Id, "moderator"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await SetRoleAsync(moderator, room, owner.Id, "member"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await SetRoleAsync(member, room, member.Id, "owner"), HttpStatusCode.Forbidden);
        var outsider = await host.UserAsync();
        await ProblemJson.AssertAsync(await SetRoleAsync(outsider, room, outsider.Id, "owner"), HttpStatusCode.Forbidden);

        var last = await ProblemJson.AssertAsync(await SetRoleAsync(owner, room, owner.Id, "member"), HttpStatusCode.Conflict);
        Assert.Contains("only owner", last.GetProperty("detail").GetString());
        await ProblemJson.AssertAsync(await SetRoleAsync(owner, room, Guid.NewGuid(), "member"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await SetRoleAsync(owner, room, outsider.Id, "member"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await SetRoleAsync(owner, room, member.Id, "admin"), HttpStatusCode.BadRequest, "role");
        await ProblemJson.AssertAsync(await owner.Client.PostAsync($"/api/chat/rooms/{room}/members/{member.Id}/role", ChatApi.Raw("""{"role": 7}""")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SetRole_TwoOwnersDemotingEachOtherAtOnce_LeaveOneOwner()
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host);
        await ChatApi.JsonAsync(await SetRoleAsync(owner, room, member.Id, "owner"), HttpStatusCode.OK);

        var responses = await Task.WhenAll(SetRoleAsync(owner, room, member.Id, "member"), SetRoleAsync(member, room, owner.Id, "member"));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var owners = (await MembersAsync(owner, room)).EnumerateArray().Count(m => m.GetProperty("role").GetString() == "owner");
        Assert.Equal(1, owners);
    }

    [Fact]
    public async Task Members_OutsidersOfAPublicRoomGet403_OfAPrivateRoom404()
    {
        var host = fixture.Host;
        var (_, _, _, room) = await RoomWithStaffAsync(host);
        var (_, _, _, hidden) = await RoomWithStaffAsync(host, "private");
        var outsider = await host.UserAsync();

        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/rooms/{room}/members"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/rooms/{hidden}/members"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await outsider.Client.GetAsync($"/api/chat/rooms/{room}/members?limit=0"), HttpStatusCode.BadRequest, "limit");
    }
}
