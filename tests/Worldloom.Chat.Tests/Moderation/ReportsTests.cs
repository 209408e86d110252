using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Moderation;
using Worldloom.Platform.Tests.Support;
using static Worldloom.Chat.Tests.Moderation.ModerationSteps;

namespace Worldloom.Chat.Tests.Moderation;

[Trait("Category", "Integration")]
public sealed class ReportsTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private static Task<HttpResponseMessage> ReportAsync(TestUser user, Guid message, string reason = "rude", string category = "abuse") =>
        user.Client.PostAsJsonAsync($"/api/chat/messages/{message}/reports", new { reason, category });

    private static Task<HttpResponseMessage> ResolveAsync(TestUser user, Guid report, string action, int? minutes = null) =>
        user.Client.PostAsJsonAsync($"/api/chat/reports/{report}/resolve", new { action, minutes });

    [Fact]
    public async Task Report_ReplayAnswersTheSameReport_AndModeratorsSeeTheQueue()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);
        var message = (await ChatApi.MessageAsync(owner, room, "buy gold")).GetProperty("id").GetGuid();

        var first = await ChatApi.JsonAsync(await ReportAsync(member, message, "spam link", "spam"), HttpStatusCode.Created);
        var replay = await ChatApi.JsonAsync(await ReportAsync(member, message, "different words", "other"), HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetGuid(), replay.GetProperty("id").GetGuid());
        Assert.Equal("spam", replay.GetProperty("category").GetString());
        await ChatApi.JsonAsync(await ReportAsync(moderator, message), HttpStatusCode.Created);

        var queue = await ChatApi.GetAsync(moderator, $"/api/chat/rooms/{room}/reports");
        Assert.Equal(2, queue.GetArrayLength());
        Assert.Equal("buy gold", queue[0].GetProperty("messageBody").GetString());
        Assert.Equal(owner.Id, queue[0].GetProperty("authorId").GetGuid());
        await ProblemJson.AssertAsync(await member.Client.GetAsync($"/api/chat/rooms/{room}/reports"), HttpStatusCode.Forbidden);
        Assert.Contains("chat.report.create", await AuditAsync(host, room));
    }

    [Fact]
    public async Task Report_FiveAtOnce_StoreOneOpenReport()
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host);
        var message = (await ChatApi.MessageAsync(owner, room, "hello")).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ReportAsync(member, message)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatReport>().CountAsync(r => r.MessageId == message)));
    }

    [Theory]
    [InlineData("""{"category": "spam"}""", "reason")]
    [InlineData("""{"reason": "   ", "category": "spam"}""", "reason")]
    [InlineData("""{"reason": "x", "category": "boring"}""", "category")]
    [InlineData("""{"reason": "x"}""", "category")]
    [InlineData("""{"reason": 5, "category": "spam"}""", "reason")]
    public async Task Report_BadField_IsNamed(string json, string field)
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host);
        var message = (await ChatApi.MessageAsync(owner, room, "hello")).GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await member.Client.PostAsync($"/api/chat/messages/{message}/reports", ChatApi.Raw(json)), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Report_OwnMessage_Outsiders_Deleted_AndTooLong_AreRefused()
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host);
        var (_, _, _, hidden) = await RoomWithStaffAsync(host, "private");
        var message = (await ChatApi.MessageAsync(owner, room, "hello")).GetProperty("id").GetGuid();
        var outsider = await host.UserAsync();

        await ProblemJson.AssertAsync(await ReportAsync(owner, message), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await ReportAsync(outsider, message), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await ReportAsync(member, Guid.NewGuid()), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await ReportAsync(member, message, new string('x', 501)), HttpStatusCode.BadRequest, "reason");
        await ProblemJson.AssertAsync(await member.Client.GetAsync($"/api/chat/rooms/{hidden}/reports"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/chat/messages/{message}")).StatusCode);
        await ProblemJson.AssertAsync(await ReportAsync(member, message), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolve_Delete_TombstonesTheMessage_AndClosesEveryOpenReportOfIt()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);
        var spammer = await host.UserAsync();
        await ChatApi.JoinAsync(spammer, room);
        var message = (await ChatApi.MessageAsync(spammer, room, "buy gold")).GetProperty("id").GetGuid();
        var report = (await ChatApi.JsonAsync(await ReportAsync(member, message), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ChatApi.JsonAsync(await ReportAsync(owner, message), HttpStatusCode.Created);

        var resolved = await ChatApi.JsonAsync(await ResolveAsync(moderator, report, "delete"), HttpStatusCode.OK);

        Assert.Equal("delete", resolved.GetProperty("resolution").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, resolved.GetProperty("messageBody").ValueKind);
        Assert.Empty((await ChatApi.GetAsync(moderator, $"/api/chat/rooms/{room}/reports")).EnumerateArray());
        var page = await ChatApi.GetAsync(member, $"/api/chat/rooms/{room}/messages");
        Assert.True(page.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == message).GetProperty("deleted").GetBoolean());
        await ProblemJson.AssertAsync(await ResolveAsync(moderator, report, "dismiss"), HttpStatusCode.Conflict);
        var audit = await AuditAsync(host, room);
        Assert.Contains("chat.report.resolve", audit);
        Assert.Contains("chat.message.delete", audit);
        // The message is gone, so it cannot be reported again.
        await ProblemJson.AssertAsync(await ReportAsync(member, message), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolve_BanAndMute_ActOnTheAuthor_RanksStillApply()
    {
        var host = fixture.Host;
        var (owner, moderator, member, room) = await RoomWithStaffAsync(host);
        var byOwner = (await ChatApi.MessageAsync(owner, room, "owner's words")).GetProperty("id").GetGuid();
        var byMember = (await ChatApi.MessageAsync(member, room, "member's words")).GetProperty("id").GetGuid();
        var another = (await ChatApi.MessageAsync(member, room, "more words")).GetProperty("id").GetGuid();
        var reportOwner = (await ChatApi.JsonAsync(await ReportAsync(member, byOwner), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var reportMember = (await ChatApi.JsonAsync(await ReportAsync(moderator, byMember), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var reportAnother = (await ChatApi.JsonAsync(await ReportAsync(moderator, another), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // A moderator cannot mute an owner through a report either; the report stays open.
        await ProblemJson.AssertAsync(await ResolveAsync(moderator, reportOwner, "mute", 10), HttpStatusCode.Forbidden);
        Assert.Equal(3, (await ChatApi.GetAsync(moderator, $"/api/chat/rooms/{room}/reports")).GetArrayLength());
        await ProblemJson.AssertAsync(await ResolveAsync(moderator, reportMember, "mute"), HttpStatusCode.BadRequest, "minutes");
        await ProblemJson.AssertAsync(await ResolveAsync(moderator, reportMember, "dismiss", 5), HttpStatusCode.BadRequest, "minutes");
        await ProblemJson.AssertAsync(await ResolveAsync(moderator, reportMember, "shout"), HttpStatusCode.BadRequest, "action");
        await ProblemJson.AssertAsync(await ResolveAsync(member, reportMember, "dismiss"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await ResolveAsync(moderator, Guid.NewGuid(), "dismiss"), HttpStatusCode.NotFound);

        await ChatApi.JsonAsync(await ResolveAsync(moderator, reportMember, "mute", 10), HttpStatusCode.OK);
        await ProblemJson.AssertAsync(await ChatApi.PostAsync(member, room, "muted?"), HttpStatusCode.Forbidden);
        await ChatApi.JsonAsync(await ResolveAsync(moderator, reportAnother, "ban", 60), HttpStatusCode.OK);
        await ProblemJson.AssertAsync(await member.Client.PostAsync($"/api/chat/rooms/{room}/join", null), HttpStatusCode.Forbidden);
        await ChatApi.JsonAsync(await ResolveAsync(owner, reportOwner, "dismiss"), HttpStatusCode.OK);
        var audit = await AuditAsync(host, room);
        Assert.Contains("chat.member.mute", audit);
        Assert.Contains("chat.member.ban", audit);
        Assert.Equal(3, audit.Count(a => a == "chat.report.resolve"));
    }

    [Fact]
    public async Task Resolve_ByAModeratorOfAnotherRoom_IsRefused()
    {
        var host = fixture.Host;
        var (owner, _, member, room) = await RoomWithStaffAsync(host, "private");
        var (_, otherModerator, _, _) = await RoomWithStaffAsync(host);
        var message = (await ChatApi.MessageAsync(owner, room, "hello")).GetProperty("id").GetGuid();
        var report = (await ChatApi.JsonAsync(await ReportAsync(member, message), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await ResolveAsync(otherModerator, report, "delete"), HttpStatusCode.NotFound);
        Assert.Single((await ChatApi.GetAsync(owner, $"/api/chat/rooms/{room}/reports")).EnumerateArray());
    }

    [Fact]
    public async Task Resolve_Kick_WhenTheAuthorLeft_Is409()
    {
        var host = fixture.Host;
        var (_, moderator, member, room) = await RoomWithStaffAsync(host);
        var author = await host.UserAsync();
        await ChatApi.JoinAsync(author, room);
        var message = (await ChatApi.MessageAsync(author, room, "hit and run")).GetProperty("id").GetGuid();
        var report = (await ChatApi.JsonAsync(await ReportAsync(member, message), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await author.Client.PostAsync($"/api/chat/rooms/{room}/leave", null)).StatusCode);

        await ProblemJson.AssertAsync(await ResolveAsync(moderator, report, "kick"), HttpStatusCode.Conflict, "action");
        await ChatApi.JsonAsync(await ResolveAsync(moderator, report, "ban"), HttpStatusCode.OK);
    }
}
