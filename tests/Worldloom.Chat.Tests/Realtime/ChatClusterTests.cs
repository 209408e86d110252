using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Cluster;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>Two <c>loom serve</c> processes in one Orleans cluster: a room's grain lives on one, its subscribers on both.</summary>
[Trait("Category", "Cluster")]
public sealed class ChatClusterTests
{
    [PostgresClusterFact]
    public async Task MessagesCrossNodes_BothWays_WithPresence()
    {
        await using var cluster = await TwoProcessCluster.StartAsync();
        await cluster.EventuallyAsync("both silos active in the membership table", async () =>
        {
            var active = await cluster.SilosAsync(3);
            return active.Count == 2 ? active : null;
        });
        var a = cluster.A.Client.BaseAddress!;
        var b = cluster.B.Client.BaseAddress!;
        var alice = await RemoteChat.UserAsync(a);
        var bob = await RemoteChat.UserAsync(b);
        using var created = await alice.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Crossroads", kind = "public" });
        var room = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await bob.Client.PostAsync($"/api/chat/rooms/{room}/join", null)).EnsureSuccessStatusCode();

        await using var atA = await RemoteChat.ConnectAsync(a, alice.Token);
        await using var atB = await RemoteChat.ConnectAsync(b, bob.Token);
        await atA.SendAsync(new { type = "subscribe", roomId = room });
        await atA.ExpectAsync("subscribed");
        await atB.SendAsync(new { type = "subscribe", roomId = room });
        await atB.ExpectAsync("subscribed");
        var presence = await atA.ExpectAsync("presence");
        Assert.Equal(bob.Id, presence.GetProperty("userId").GetGuid());

        // Whichever node holds the room's grain, one of these two deliveries crosses to the other node.
        await atA.SendAsync(new { type = "send", roomId = room, clientId = "from-a", body = "hello from A" });
        var ackA = await atA.ExpectAsync("ack");
        var atBob = await atB.ExpectAsync("message");
        Assert.Equal(ackA.GetProperty("messageId").GetGuid(), atBob.GetProperty("message").GetProperty("id").GetGuid());
        Assert.Equal("hello from A", atBob.GetProperty("message").GetProperty("body").GetString());

        await atB.SendAsync(new { type = "send", roomId = room, clientId = "from-b", body = "hello from B" });
        var ackB = await atB.ExpectAsync("ack");
        var atAlice = await atA.ExpectAsync("message", f => f.GetProperty("message").GetProperty("clientId").GetString() == "from-b");
        Assert.Equal(ackB.GetProperty("messageId").GetGuid(), atAlice.GetProperty("message").GetProperty("id").GetGuid());

        // A REST post through B reaches the WebSocket on A too.
        using var posted = await bob.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/messages", new { body = "REST via B", clientId = "rest-b" });
        posted.EnsureSuccessStatusCode();
        var viaRest = await atA.ExpectAsync("message", f => f.GetProperty("message").GetProperty("clientId").GetString() == "rest-b");
        Assert.Equal("REST via B", viaRest.GetProperty("message").GetProperty("body").GetString());
    }
}
