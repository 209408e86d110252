using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Moderation;

/// <summary>Shared steps of the moderation tests.</summary>
public static class ModerationSteps
{
    public static Task<HttpResponseMessage> SetRoleAsync(TestUser actor, Guid room, Guid target, string role) =>
        actor.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/members/{target}/role", new { role });

    public static Task<HttpResponseMessage> KickAsync(TestUser actor, Guid room, Guid target, string? reason = null) =>
        actor.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/members/{target}/kick", new { reason });

    public static Task<HttpResponseMessage> BanAsync(TestUser actor, Guid room, Guid target, int? minutes = null, string? reason = null) =>
        actor.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/bans", new { userId = target, reason, minutes });

    public static Task<HttpResponseMessage> MuteAsync(TestUser actor, Guid room, Guid target, int minutes) =>
        actor.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/members/{target}/mute", new { minutes });

    /// <summary>A public room owned by <c>owner</c> with <c>moderator</c> promoted and <c>member</c> joined.</summary>
    public static async Task<(TestUser Owner, TestUser Moderator, TestUser Member, Guid Room)> RoomWithStaffAsync(LoomHost host, string kind = "public")
    {
        var owner = await host.UserAsync();
        var moderator = await host.UserAsync();
        var member = await host.UserAsync();
        var room = await ChatApi.RoomAsync(owner, kind);
        if (kind == "public")
        {
            await ChatApi.JoinAsync(moderator, room);
            await ChatApi.JoinAsync(member, room);
        }
        else
        {
            var invite = await ChatApi.JsonAsync(await owner.Client.PostAsJsonAsync("/api/chat/invites", new { roomId = room, maxUses = 10, expiresInMinutes = 60 }), HttpStatusCode.Created);
            var code = invite.GetProperty("code").GetString();
            await ChatApi.JsonAsync(await moderator.Client.PostAsync($"/api/chat/invites/{code}/accept", null), HttpStatusCode.OK);
            await ChatApi.JsonAsync(await member.Client.PostAsync($"/api/chat/invites/{code}/accept", null), HttpStatusCode.OK);
        }

        await ChatApi.JsonAsync(await SetRoleAsync(owner, room, moderator.Id, "moderator"), HttpStatusCode.OK);
        return (owner, moderator, member, room);
    }

    /// <summary>The audit actions recorded against the room, in order.</summary>
    public static Task<List<string>> AuditAsync(LoomHost host, Guid room) =>
        host.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == $"chat-room:{room}").OrderBy(a => a.Seq).Select(a => a.Action).ToListAsync());

    public static async Task<JsonElement> MembersAsync(TestUser user, Guid room) => await ChatApi.GetAsync(user, $"/api/chat/rooms/{room}/members");

    public static JsonElement? Member(JsonElement members, Guid user) =>
        members.EnumerateArray().Where(m => m.GetProperty("userId").GetGuid() == user).Select(m => (JsonElement?)m).FirstOrDefault();
}
