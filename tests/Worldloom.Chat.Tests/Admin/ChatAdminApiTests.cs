using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Tests.Moderation;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Admin;

[Trait("Category", "Integration")]
public sealed class ChatAdminApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task AdminChat_NonAdmins_Get403Everywhere()
    {
        var host = fixture.Host;
        var moderator = await host.UserAsync(Roles.Moderator);
        var room = await ChatApi.RoomAsync(moderator);
        var id = moderator.Id;

        foreach (var response in new[]
                 {
                     await moderator.Client.GetAsync("/api/admin/chat/rooms"),
                     await moderator.Client.GetAsync($"/api/admin/chat/rooms/{room}"),
                     await moderator.Client.DeleteAsync($"/api/admin/chat/rooms/{room}"),
                     await moderator.Client.GetAsync($"/api/admin/chat/users/{id}"),
                     await moderator.Client.PostAsJsonAsync($"/api/admin/chat/users/{id}/ban", new { }),
                     await moderator.Client.DeleteAsync($"/api/admin/chat/users/{id}/ban"),
                     await moderator.Client.GetAsync("/api/admin/chat/reports"),
                     await moderator.Client.GetAsync("/api/admin/chat/stats"),
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/admin/chat/stats")).StatusCode);
        // Nothing was closed by the refused DELETE.
        Assert.Equal(HttpStatusCode.Created, (await ChatApi.PostAsync(moderator, room, "still open")).StatusCode);
    }

    [Fact]
    public async Task CloseRoom_RemovesItForMembers_RefusesPostsAndJoins_AndIsAudited()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(Roles.Admin);
        var (owner, _, member, room) = await ModerationSteps.RoomWithStaffAsync(host);
        await ChatApi.MessageAsync(member, room, "hello");
        var outsider = await host.UserAsync();

        var before = await ChatApi.GetAsync(admin, $"/api/admin/chat/rooms/{room}");
        Assert.Equal(3, before.GetProperty("members").GetInt32());
        Assert.Equal(1, before.GetProperty("messages").GetInt32());
        Assert.Contains(room, (await ChatApi.GetAsync(admin, "/api/admin/chat/rooms")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/admin/chat/rooms/{room}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/admin/chat/rooms/{room}")).StatusCode);

        await ProblemJson.AssertAsync(await ChatApi.PostAsync(member, room, "anyone?"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await member.Client.GetAsync($"/api/chat/rooms/{room}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await outsider.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.NotFound);
        Assert.DoesNotContain(room, (await ChatApi.GetAsync(owner, "/api/chat/rooms")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(room, (await ChatApi.GetAsync(outsider, "/api/chat/rooms")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(room, (await ChatApi.GetAsync(admin, "/api/admin/chat/rooms")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Contains(room, (await ChatApi.GetAsync(admin, "/api/admin/chat/rooms?closed=true&limit=200")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await ChatApi.GetAsync(admin, $"/api/admin/chat/rooms/{room}")).GetProperty("closedAt").ValueKind);
        Assert.Single(await ModerationSteps.AuditAsync(host, room), a => a == "chat.room.close");
        await ProblemJson.AssertAsync(await admin.Client.DeleteAsync($"/api/admin/chat/rooms/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await admin.Client.GetAsync("/api/admin/chat/rooms?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemJson.AssertAsync(await admin.Client.GetAsync("/api/admin/chat/rooms?offset=-1"), HttpStatusCode.BadRequest, "offset");
    }

    [Fact]
    public async Task SiteBan_BlocksPostingAndJoiningEverywhere_UntilLiftedOrExpired()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(Roles.Admin);
        var (_, _, member, room) = await ModerationSteps.RoomWithStaffAsync(host);
        var other = await ChatApi.RoomAsync(admin);

        var ban = await ChatApi.JsonAsync(await admin.Client.PostAsJsonAsync($"/api/admin/chat/users/{member.Id}/ban", new { reason = "spam wave" }), HttpStatusCode.Created);
        Assert.Equal(admin.Id, ban.GetProperty("bannedBy").GetGuid());

        var post = await ProblemJson.AssertAsync(await ChatApi.PostAsync(member, room, "hi"), HttpStatusCode.Forbidden);
        Assert.Contains("banned from chat", post.GetProperty("detail").GetString());
        var join = await ProblemJson.AssertAsync(await member.Client.PostAsync($"/api/chat/rooms/{other}/join", null), HttpStatusCode.Forbidden);
        Assert.Equal("banned", join.GetProperty("code").GetString());
        await ChatApi.GetAsync(member, $"/api/chat/rooms/{room}/messages");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/admin/chat/users/{member.Id}/ban")).StatusCode);
        await ChatApi.MessageAsync(member, room, "sorry");

        await ChatApi.JsonAsync(await admin.Client.PostAsJsonAsync($"/api/admin/chat/users/{member.Id}/ban", new { minutes = 5 }), HttpStatusCode.Created);
        await ChatApi.JsonAsync(await admin.Client.PostAsJsonAsync($"/api/admin/chat/users/{member.Id}/ban", new { minutes = 5 }), HttpStatusCode.OK);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(member, room, "again"), HttpStatusCode.Forbidden);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await ChatApi.MessageAsync(member, room, "time served");

        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == $"user:{member.Id}" && a.Action.StartsWith("chat.")).OrderBy(a => a.Seq).Select(a => a.Action).ToListAsync());
        Assert.Equal(["chat.user.ban", "chat.user.unban", "chat.user.ban", "chat.user.ban"], audit);
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/chat/users/{Guid.NewGuid()}/ban", new { }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/chat/users/{admin.Id}/ban", new { }), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/chat/users/{member.Id}/ban", new { minutes = 0 }), HttpStatusCode.BadRequest, "minutes");
        await ProblemJson.AssertAsync(await admin.Client.DeleteAsync($"/api/admin/chat/users/{Guid.NewGuid()}/ban"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task User_Footprint_ShowsRoomsMessagesBansAndReports()
    {
        var host = fixture.Host;
        var admin = await host.UserAsync(Roles.Admin);
        var (owner, moderator, member, room) = await ModerationSteps.RoomWithStaffAsync(host);
        var (_, _, _, other) = await ModerationSteps.RoomWithStaffAsync(host);
        var message = (await ChatApi.MessageAsync(member, room, "provocative")).GetProperty("id").GetGuid();
        await ChatApi.MessageAsync(member, room, "more");
        await ChatApi.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/chat/messages/{message}/reports", new { reason = "rude", category = "abuse" }), HttpStatusCode.Created);
        var otherOwner = (await ChatApi.GetAsync(admin, $"/api/admin/chat/rooms/{other}")).GetProperty("ownerId").GetGuid();
        Assert.NotEqual(owner.Id, otherOwner);
        await ChatApi.JsonAsync(await ModerationSteps.BanAsync(admin, other, member.Id), HttpStatusCode.Created);

        var footprint = await ChatApi.GetAsync(admin, $"/api/admin/chat/users/{member.Id}");

        Assert.Equal(room, footprint.GetProperty("rooms").EnumerateArray().Single().GetProperty("roomId").GetGuid());
        Assert.Equal(2, footprint.GetProperty("messages").GetInt32());
        Assert.Equal(other, footprint.GetProperty("bans").EnumerateArray().Single().GetProperty("roomId").GetGuid());
        Assert.Equal(1, footprint.GetProperty("reportsAgainst").GetInt32());
        Assert.Equal(message, footprint.GetProperty("openReports")[0].GetProperty("messageId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, footprint.GetProperty("siteBan").ValueKind);
        await ProblemJson.AssertAsync(await admin.Client.GetAsync($"/api/admin/chat/users/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Contains((await ChatApi.GetAsync(admin, "/api/admin/chat/reports")).EnumerateArray(), r => r.GetProperty("messageId").GetGuid() == message);
    }

    [Fact]
    public async Task Admin_ModeratesAnyRoom_EvenPrivateOnesTheyAreNotIn()
    {
        var host = fixture.Host;
        var admin = await host.UserAsync(Roles.Admin);
        var (owner, moderator, member, room) = await ModerationSteps.RoomWithStaffAsync(host, "private");
        var message = (await ChatApi.MessageAsync(member, room, "bad")).GetProperty("id").GetGuid();
        var report = (await ChatApi.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/chat/messages/{message}/reports", new { reason = "bad", category = "other" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        Assert.Equal(3, (await ModerationSteps.MembersAsync(admin, room)).GetArrayLength());
        Assert.Single((await ChatApi.GetAsync(admin, $"/api/chat/rooms/{room}/reports")).EnumerateArray());
        await ChatApi.JsonAsync(await admin.Client.PostAsJsonAsync($"/api/chat/reports/{report}/resolve", new { action = "delete" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await ModerationSteps.KickAsync(admin, room, moderator.Id)).StatusCode);
        await ChatApi.JsonAsync(await ModerationSteps.MuteAsync(admin, room, owner.Id, 5), HttpStatusCode.OK);
        // Admins outrank owners, but a room keeps its last owner.
        await ProblemJson.AssertAsync(await ModerationSteps.BanAsync(admin, room, owner.Id), HttpStatusCode.Conflict);
        await ChatApi.JsonAsync(await ModerationSteps.SetRoleAsync(admin, room, member.Id, "owner"), HttpStatusCode.OK);
        await ChatApi.JsonAsync(await ModerationSteps.BanAsync(admin, room, owner.Id), HttpStatusCode.Created);
        var actions = await ModerationSteps.AuditAsync(host, room);
        Assert.Contains("chat.member.kick", actions);
        Assert.Contains("chat.member.ban", actions);
        Assert.Contains("chat.member.mute", actions);
    }

    [Fact]
    public async Task Stats_CountWhatIsThere()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(Roles.Admin);
        var (owner, _, member, room) = await ModerationSteps.RoomWithStaffAsync(host);
        await ChatApi.MessageAsync(owner, room, "old");
        host.Clock.Advance(TimeSpan.FromHours(25));
        // Tokens live shorter than a day: sign in again after moving the clock.
        owner = await host.LoginAsync(owner.Id, owner.Email);
        admin = await host.LoginAsync(admin.Id, admin.Email);
        var message = (await ChatApi.MessageAsync(owner, room, "new")).GetProperty("id").GetGuid();
        member = await host.LoginAsync(member.Id, member.Email);
        await ChatApi.JsonAsync(await member.Client.PostAsJsonAsync($"/api/chat/messages/{message}/reports", new { reason = "meh", category = "other" }), HttpStatusCode.Created);

        var stats = await ChatApi.GetAsync(admin, "/api/admin/chat/stats");

        // Each test owns its database, so the counts are this test's rows.
        Assert.Equal(1, stats.GetProperty("rooms").GetInt32());
        Assert.Equal(3, stats.GetProperty("members").GetInt32());
        Assert.Equal(2, stats.GetProperty("messages").GetInt32());
        Assert.Equal(1, stats.GetProperty("messagesLast24Hours").GetInt32());
        Assert.Equal(1, stats.GetProperty("openReports").GetInt32());
    }
}
