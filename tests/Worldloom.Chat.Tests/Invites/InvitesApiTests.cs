using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Invites;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Invites;

[Trait("Category", "Integration")]
public sealed class InvitesApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Accept_JoinsAnInviteOnlyRoom_AndOnlyModeratorsCreateInvites()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var guest = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, "invite_only");

        var code = await InviteAsync(owner, room, maxUses: 2);
        Assert.Equal(22, code.Length);
        var joined = await ChatApi.JsonAsync(await guest.Client.PostAsync($"/api/chat/invites/{code}/accept", null), HttpStatusCode.OK);
        Assert.Equal("member", joined.GetProperty("role").GetString());
        await ChatApi.MessageAsync(guest, room, "thanks for the invite");

        // Accepting again while a member spends no use.
        await ChatApi.JsonAsync(await guest.Client.PostAsync($"/api/chat/invites/{code}/accept", null), HttpStatusCode.OK);
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatInvite>().Where(i => i.RoomId == room).Select(i => i.Uses).SingleAsync()));
        // The code itself is not stored.
        Assert.False(await host.WithDbAsync(db => db.Set<ChatInvite>().AnyAsync(i => i.CodeHash == code)));

        await ProblemJson.AssertAsync(await guest.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = room, maxUses = 1, expiresInMinutes = 10 }), HttpStatusCode.Forbidden);
        var outsider = await host.UserAsync();
        await ProblemJson.AssertAsync(await outsider.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = room, maxUses = 1, expiresInMinutes = 10 }), HttpStatusCode.NotFound);
        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == $"chat-room:{room}").Select(a => a.Action).ToListAsync());
        Assert.Contains("chat.invite.create", audit);
        Assert.Contains("chat.room.join", audit);
    }

    [Theory]
    [InlineData("""{"maxUses": 1, "expiresInMinutes": 10}""", "roomId")]
    [InlineData("""{"roomId": "ROOM", "maxUses": 0, "expiresInMinutes": 10}""", "maxUses")]
    [InlineData("""{"roomId": "ROOM", "maxUses": 1001, "expiresInMinutes": 10}""", "maxUses")]
    [InlineData("""{"roomId": "ROOM", "expiresInMinutes": 10}""", "maxUses")]
    [InlineData("""{"roomId": "ROOM", "maxUses": 1, "expiresInMinutes": 0}""", "expiresInMinutes")]
    [InlineData("""{"roomId": "ROOM", "maxUses": 1, "expiresInMinutes": 43201}""", "expiresInMinutes")]
    [InlineData("""{"roomId": "ROOM", "maxUses": "many", "expiresInMinutes": 10}""", "maxUses")]
    public async Task Create_BadField_IsNamed(string json, string field)
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, "invite_only");

        var response = await owner.Client.PostAsync("/api/chat/invites", ChatApi.Raw(json.Replace("ROOM", room.ToString(), StringComparison.Ordinal)));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Accept_UnknownIs404_UsedUpAndExpiredAre410()
    {
        await using var host = await LoomHost.StartAsync();
        var owner = await host.UserAsync();
        var first = await host.UserAsync();
        var second = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, "private");

        await ProblemJson.AssertAsync(await first.Client.PostAsync("/api/chat/invites/not-a-real-code/accept", null), HttpStatusCode.NotFound);

        var single = await InviteAsync(owner, room, maxUses: 1);
        await ChatApi.JsonAsync(await first.Client.PostAsync($"/api/chat/invites/{single}/accept", null), HttpStatusCode.OK);
        var usedUp = await ProblemJson.AssertAsync(await second.Client.PostAsync($"/api/chat/invites/{single}/accept", null), HttpStatusCode.Gone);
        Assert.Contains("used up", usedUp.GetProperty("detail").GetString());

        var shortLived = await InviteAsync(owner, room, maxUses: 5, minutes: 1);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await ProblemJson.AssertAsync(await second.Client.PostAsync($"/api/chat/invites/{shortLived}/accept", null), HttpStatusCode.Gone);
        Assert.Contains("expired", expired.GetProperty("detail").GetString());
        await ProblemJson.AssertAsync(await second.Client.GetAsync($"/api/chat/rooms/{room}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_FiveAtOnceOnASingleUseInvite_AdmitsExactlyOne()
    {
        var host = fixture.Host;
        var owner = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, "invite_only");
        var code = await InviteAsync(owner, room, maxUses: 1);
        var users = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.UserAsync()));

        var responses = await Task.WhenAll(users.Select(u => u.Client.PostAsync($"/api/chat/invites/{code}/accept", null)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Gone));
        Assert.Equal(2, await host.WithDbAsync(db => db.Set<ChatMember>().CountAsync(m => m.RoomId == room)));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatInvite>().Where(i => i.RoomId == room).Select(i => i.Uses).SingleAsync()));
    }

    private static async Task<string> InviteAsync(TestUser owner, Guid room, int maxUses, int minutes = 60)
    {
        var created = await ChatApi.JsonAsync(await owner.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = room, maxUses, expiresInMinutes = minutes }), HttpStatusCode.Created);
        return created.GetProperty("code").GetString()!;
    }
}
