using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>The WebSocket protocol of docs/chat-protocol.md against the real server: auth, send and ack, events, resume.</summary>
[Trait("Category", "Integration")]
public sealed class SocketTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task AuthFrame_AnswersReady_AndFramesBeforeItAreRefused()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        await using var socket = await ChatSocket.OpenAsync(host);

        await socket.SendAsync(new { type = "ping", @ref = "p1" });
        var refused = await socket.ExpectAsync("error");
        Assert.Equal("unauthenticated", refused.GetProperty("code").GetString());
        Assert.Equal("p1", refused.GetProperty("ref").GetString());

        await socket.SendAsync(new { type = "auth", token = user.AccessToken, @ref = "a" });
        var ready = await socket.ExpectAsync("ready");
        Assert.Equal(user.Id, ready.GetProperty("userId").GetGuid());
        Assert.Equal("a", ready.GetProperty("ref").GetString());
        Assert.True(ready.GetProperty("expiresAt").GetDateTimeOffset() > host.Clock.GetUtcNow());

        await socket.SendAsync(new { type = "ping", @ref = "p2" });
        Assert.Equal("p2", (await socket.ExpectAsync("pong")).GetProperty("ref").GetString());
    }

    [Fact]
    public async Task AnonymousUpgrades_HaveTheirOwnPerAddressBucket_NotTheAnonymousPageLimit()
    {
        await using var host = await LoomHost.StartAsync(b =>
        {
            b.Configuration["Loom:RateLimits:PerIpBurst"] = "3";
            b.Configuration["Loom:RateLimits:PerIpPerSecond"] = "1";
            b.Configuration["Loom:RateLimits:UpgradePerIpBurst"] = "12";
            b.Configuration["Loom:RateLimits:UpgradePerIpPerSecond"] = "1";
        });
        var user = await host.UserAsync();

        // Ten users behind one address reconnect at once: more than the anonymous burst, within the upgrade burst.
        var sockets = new List<ChatSocket>();
        for (var i = 0; i < 10; i++)
        {
            var socket = await ChatSocket.OpenAsync(host);
            sockets.Add(socket);
            await socket.SendAsync(new { type = "auth", token = user.AccessToken });
            await socket.ExpectAsync("ready");
        }

        // The upgrade bucket still ends: a flood of upgrades from one address is refused with 429.
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                sockets.Add(await ChatSocket.OpenAsync(host));
            }
        });
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        foreach (var socket in sockets)
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task BearerHeader_AuthenticatesTheUpgrade()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        await using var socket = await ChatSocket.OpenAsync(host, user.AccessToken);

        var ready = await socket.ExpectAsync("ready");
        Assert.Equal(user.Id, ready.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task NoAuthInTime_IsTold_AndTheSocketClosesWith4401_WhileAnAuthenticatedOneStays()
    {
        await using var host = await LoomHost.StartAsync(settings: new Dictionary<string, string?> { ["Loom:Chat:AuthTimeout"] = "00:00:02" });
        var user = await host.UserAsync();
        await using var silent = await ChatSocket.OpenAsync(host);
        await using var signedIn = await ChatSocket.ConnectAsync(host, user);

        var error = await silent.ExpectAsync("error");
        Assert.Equal("unauthenticated", error.GetProperty("code").GetString());
        Assert.Null(await silent.NextAsync());
        Assert.Equal(4401, (int)silent.Socket.CloseStatus!);

        await signedIn.SendAsync(new { type = "ping", @ref = "still-here" });
        Assert.Equal("still-here", (await signedIn.ExpectAsync("pong")).GetProperty("ref").GetString());
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")]
    public async Task BadToken_IsRefused_AndTheSocketClosesWith4401(string token)
    {
        var host = fixture.Host;
        await using var socket = await ChatSocket.OpenAsync(host);

        await socket.SendAsync(new { type = "auth", token });
        var error = await socket.ExpectAsync("error");
        Assert.Equal("unauthenticated", error.GetProperty("code").GetString());
        Assert.Null(await socket.NextAsync());
        Assert.Equal(4401, (int)socket.Socket.CloseStatus!);
    }

    [Fact]
    public async Task ExpiredToken_IsToldAndClosed_AndAFreshAuthExtends()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        await using var first = await ChatSocket.ConnectAsync(host, user);
        await using var second = await ChatSocket.ConnectAsync(host, user);

        host.Clock.Advance(TimeSpan.FromMinutes(14));
        var fresh = await host.LoginAsync(user.Id, user.Email);
        await second.SendAsync(new { type = "auth", token = fresh.AccessToken });
        await second.ExpectAsync("ready");
        host.Clock.Advance(TimeSpan.FromMinutes(2));

        await first.SendAsync(new { type = "ping" });
        var expired = await first.ExpectAsync("error");
        Assert.Equal("token_expired", expired.GetProperty("code").GetString());
        Assert.Null(await first.NextAsync());
        Assert.Equal(4401, (int)first.Socket.CloseStatus!);

        await second.SendAsync(new { type = "ping", @ref = "still" });
        Assert.Equal("still", (await second.ExpectAsync("pong")).GetProperty("ref").GetString());
    }

    [Fact]
    public async Task Send_IsAckedAfterStoring_AndEverySubscriberGetsItOnce()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        await using var a = await ChatSocket.ConnectAsync(host, alice);
        await using var b = await ChatSocket.ConnectAsync(host, bob);
        await a.SendAsync(new { type = "subscribe", roomId = room });
        await a.ExpectAsync("subscribed");
        await b.SendAsync(new { type = "subscribe", roomId = room });
        await b.ExpectAsync("subscribed");

        await a.SendAsync(new { type = "send", roomId = room, clientId = "c1", body = "hello bob", @ref = "s1" });
        // The protocol orders neither way the sender's ack and its own copy of the message (both leave the room grain
        // at once), so a message read while waiting for the ack is kept.
        var beforeAck = new List<JsonElement>();
        var ack = await a.ExpectAsync("ack", skipped: beforeAck);
        var id = ack.GetProperty("messageId").GetGuid();
        Assert.Equal("c1", ack.GetProperty("clientId").GetString());
        Assert.Equal("s1", ack.GetProperty("ref").GetString());
        Assert.False(ack.GetProperty("duplicate").GetBoolean());
        // Acknowledged means stored.
        Assert.Equal("hello bob", await host.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.Id == id).Select(m => m.Body).SingleAsync()));

        var atBob = await b.ExpectAsync("message");
        Assert.Equal(id, atBob.GetProperty("message").GetProperty("id").GetGuid());
        Assert.Equal("hello bob", atBob.GetProperty("message").GetProperty("body").GetString());
        Assert.Equal(alice.Id, atBob.GetProperty("message").GetProperty("authorId").GetGuid());
        var atAlice = beforeAck.Find(f => f.GetProperty("type").GetString() == "message") is { ValueKind: JsonValueKind.Object } early
            ? early
            : await a.ExpectAsync("message");
        Assert.Equal(id, atAlice.GetProperty("message").GetProperty("id").GetGuid());

        // A resend with the same client id: the same message, marked duplicate, stored once, broadcast once.
        await a.SendAsync(new { type = "send", roomId = room, clientId = "c1", body = "hello bob (resent)" });
        var again = await a.ExpectAsync("ack");
        Assert.Equal(id, again.GetProperty("messageId").GetGuid());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == room)));

        await a.SendAsync(new { type = "ping", @ref = "end" });
        await a.ExpectAsync("pong");
        var rest = await b.DrainAsync(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(rest, f => f.GetProperty("type").GetString() == "message");
    }

    [Fact]
    public async Task RestPost_IsBroadcastToSubscribers_AndEditsDeletesReactionsFollow()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await using var socket = await ChatSocket.ConnectAsync(host, alice);
        await socket.SendAsync(new { type = "subscribe", roomId = room });
        await socket.ExpectAsync("subscribed");

        var posted = await ChatApi.MessageAsync(alice, room, "from REST");
        var id = posted.GetProperty("id").GetGuid();
        Assert.Equal(id, (await socket.ExpectAsync("message")).GetProperty("message").GetProperty("id").GetGuid());

        (await alice.Client.PatchAsJsonAsync($"/api/chat/messages/{id}", new { body = "from REST, edited" })).EnsureSuccessStatusCode();
        var edited = await socket.ExpectAsync("edited");
        Assert.Equal("from REST, edited", edited.GetProperty("message").GetProperty("body").GetString());
        Assert.True(edited.GetProperty("message").GetProperty("edited").GetBoolean());

        (await alice.Client.PostAsJsonAsync($"/api/chat/messages/{id}/reactions", new { emoji = "🔥" })).EnsureSuccessStatusCode();
        var reaction = await socket.ExpectAsync("reaction");
        Assert.Equal(1, reaction.GetProperty("reactions").GetProperty("🔥").GetInt32());

        (await alice.Client.DeleteAsync($"/api/chat/messages/{id}")).EnsureSuccessStatusCode();
        var deleted = await socket.ExpectAsync("deleted");
        Assert.Equal(id, deleted.GetProperty("messageId").GetGuid());
    }

    [Fact]
    public async Task Subscribe_WithAfter_SendsTheBacklogOnce_ThenLiveMessages()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await ChatApi.MessageAsync(alice, room, $"m{i}")).GetProperty("id").GetGuid());
        }

        await using var socket = await ChatSocket.ConnectAsync(host, alice);
        await socket.SendAsync(new { type = "subscribe", roomId = room, after = ids[1], @ref = "r" });
        var backlog = new List<JsonElement>();
        var subscribed = await socket.ExpectAsync("subscribed", skipped: backlog);
        Assert.Equal(ids.Skip(2), backlog.Select(f => f.GetProperty("message").GetProperty("id").GetGuid()));
        Assert.Equal(ids[4], subscribed.GetProperty("lastMessageId").GetGuid());
        Assert.Contains(alice.Id, subscribed.GetProperty("online").EnumerateArray().Select(e => e.GetGuid()));

        var live = (await ChatApi.MessageAsync(alice, room, "live")).GetProperty("id").GetGuid();
        Assert.Equal(live, (await socket.ExpectAsync("message")).GetProperty("message").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Resume_UnderConcurrentSends_DeliversEveryMessageExactlyOnceInOrder()
    {
        // The test clock stands still, so the frame buckets never refill: give them room for the whole run.
        await using var host = await LoomHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Loom:Chat:RateLimits:ConnectionBurst"] = "1000",
            ["Loom:Chat:RateLimits:UserBurst"] = "1000",
        });
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        const int Total = 120;

        await using var writer = await ChatSocket.ConnectAsync(host, alice);
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < Total; i++)
            {
                await writer.SendAsync(new { type = "send", roomId = room, clientId = $"w{i}", body = $"n{i}" });
                await writer.ExpectAsync("ack");
            }
        });

        var seen = new List<Guid>();
        Guid? last = null;
        // Bob connects, reads a little, drops the connection, and resumes from the last id he saw — three times over.
        for (var round = 0; round < 4 && seen.Count < Total; round++)
        {
            await using var reader = await ChatSocket.ConnectAsync(host, bob);
            await reader.SendAsync(last is null ? new { type = "subscribe", roomId = room, after = (Guid?)Guid.Empty } : new { type = "subscribe", roomId = room, after = last });
            var take = round < 3 ? 25 : Total;
            while (seen.Count < Total && take-- > 0)
            {
                var frame = await reader.ExpectAsync("message");
                var id = frame.GetProperty("message").GetProperty("id").GetGuid();
                seen.Add(id);
                last = id;
            }
        }

        await sending;
        var stored = await host.WithDbAsync(db => db.Set<ChatMessage>().Where(m => m.RoomId == room).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal(Total, stored.Count);
        Assert.Equal(stored, seen);
    }

    [Fact]
    public async Task TypingAndPresence_ReachTheOthers()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        await using var a = await ChatSocket.ConnectAsync(host, alice);
        await a.SendAsync(new { type = "subscribe", roomId = room });
        await a.ExpectAsync("subscribed");

        var b = await ChatSocket.ConnectAsync(host, bob);
        await b.SendAsync(new { type = "subscribe", roomId = room });
        var subscribed = await b.ExpectAsync("subscribed");
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), subscribed.GetProperty("online").EnumerateArray().Select(e => e.GetGuid()).Order());
        var online = await a.ExpectAsync("presence");
        Assert.Equal(bob.Id, online.GetProperty("userId").GetGuid());
        Assert.True(online.GetProperty("online").GetBoolean());

        await b.SendAsync(new { type = "typing", roomId = room });
        var typing = await a.ExpectAsync("typing");
        Assert.Equal(bob.Id, typing.GetProperty("userId").GetGuid());

        await b.DisposeAsync();
        var offline = await a.ExpectAsync("presence");
        Assert.Equal(bob.Id, offline.GetProperty("userId").GetGuid());
        Assert.False(offline.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Read_MovesTheMarker_AndTellsTheUsersOtherConnectionsOnly()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        var first = (await ChatApi.MessageAsync(alice, room, "one")).GetProperty("id").GetGuid();
        await ChatApi.MessageAsync(alice, room, "two");
        await using var phone = await ChatSocket.ConnectAsync(host, bob);
        await using var laptop = await ChatSocket.ConnectAsync(host, bob);
        await using var other = await ChatSocket.ConnectAsync(host, alice);
        foreach (var s in new[] { phone, laptop, other })
        {
            await s.SendAsync(new { type = "subscribe", roomId = room });
            await s.ExpectAsync("subscribed");
        }

        await phone.SendAsync(new { type = "read", roomId = room, messageId = first });
        var read = await laptop.ExpectAsync("read");
        Assert.Equal(first, read.GetProperty("messageId").GetGuid());
        Assert.Equal(1, read.GetProperty("unread").GetInt32());
        Assert.Equal(first, await host.WithDbAsync(db => db.Set<Worldloom.Chat.Rooms.ChatMember>().Where(m => m.RoomId == room && m.UserId == bob.Id).Select(m => m.LastReadMessageId).SingleAsync()));

        await other.SendAsync(new { type = "ping" });
        await other.ExpectAsync("pong");
        Assert.DoesNotContain(await other.DrainAsync(TimeSpan.FromMilliseconds(300)), f => f.GetProperty("type").GetString() == "read");
    }

    [Fact]
    public async Task Leaving_EndsTheSubscription_AndOthersSeeIt()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        await using var a = await ChatSocket.ConnectAsync(host, alice);
        await using var b = await ChatSocket.ConnectAsync(host, bob);
        foreach (var s in new[] { a, b })
        {
            await s.SendAsync(new { type = "subscribe", roomId = room });
            await s.ExpectAsync("subscribed");
        }

        (await bob.Client.PostAsync($"/api/chat/rooms/{room}/leave", null)).EnsureSuccessStatusCode();
        var left = await a.ExpectAsync("member", f => f.GetProperty("change").GetString() == "left");
        Assert.Equal(bob.Id, left.GetProperty("userId").GetGuid());

        await ChatApi.MessageAsync(alice, room, "after bob left");
        await b.SendAsync(new { type = "send", roomId = room, clientId = "x", body = "still here?" });
        var refused = await b.ExpectAsync("error");
        Assert.Equal("not_member", refused.GetProperty("code").GetString());
        Assert.DoesNotContain(await b.DrainAsync(TimeSpan.FromMilliseconds(300)), f => f.GetProperty("type").GetString() == "message");
    }

    [Fact]
    public async Task BadFrames_EachGetAnError_AndTheConnectionStaysUsable()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var publicRoom = await ChatApi.RoomAsync(alice);
        var privateRoom = await ChatApi.RoomAsync(alice, "private");
        await using var socket = await ChatSocket.ConnectAsync(host, bob);

        async Task<JsonElement> Refused(Func<Task> send)
        {
            await send();
            return await socket.ExpectAsync("error");
        }

        Assert.Equal("bad_frame", (await Refused(() => socket.SendTextAsync("{not json"))).GetProperty("code").GetString());
        Assert.Equal("bad_frame", (await Refused(() => socket.SendTextAsync("[1,2]"))).GetProperty("code").GetString());
        Assert.Equal("bad_frame", (await Refused(() => socket.SendTextAsync("{\"type\": 7}"))).GetProperty("code").GetString());
        Assert.Equal("bad_frame", (await Refused(() => socket.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None))).GetProperty("code").GetString());
        Assert.Equal("unknown_type", (await Refused(() => socket.SendAsync(new { type = "teleport" }))).GetProperty("code").GetString());
        Assert.Equal("too_large", (await Refused(() => socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "big", body = new string('x', 70_000) }))).GetProperty("code").GetString());

        var invalid = await Refused(() => socket.SendAsync(new { type = "subscribe", roomId = "nope" }));
        Assert.Equal(("invalid", "roomId"), (invalid.GetProperty("code").GetString(), invalid.GetProperty("field").GetString()));
        Assert.Equal("not_found", (await Refused(() => socket.SendAsync(new { type = "subscribe", roomId = Guid.NewGuid() }))).GetProperty("code").GetString());
        Assert.Equal("not_found", (await Refused(() => socket.SendAsync(new { type = "subscribe", roomId = privateRoom }))).GetProperty("code").GetString());
        Assert.Equal("not_member", (await Refused(() => socket.SendAsync(new { type = "subscribe", roomId = publicRoom }))).GetProperty("code").GetString());
        Assert.Equal("not_member", (await Refused(() => socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "a", body = "hi" }))).GetProperty("code").GetString());

        await ChatApi.JoinAsync(bob, publicRoom);
        var badClient = await Refused(() => socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "has space", body = "hi" }));
        Assert.Equal("clientId", badClient.GetProperty("field").GetString());
        var empty = await Refused(() => socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "e", body = "   " }));
        Assert.Equal("body", empty.GetProperty("field").GetString());
        var huge = await Refused(() => socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "h", body = new string('y', 4001) }));
        Assert.Equal("body", huge.GetProperty("field").GetString());
        var wrongType = await Refused(() => socket.SendTextAsync($"{{\"type\":\"send\",\"roomId\":\"{publicRoom}\",\"clientId\":\"t\",\"body\":42}}"));
        Assert.Equal("body", wrongType.GetProperty("field").GetString());
        var badReply = await Refused(() => socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "r", body = "re", replyTo = Guid.NewGuid() }));
        Assert.Equal("replyTo", badReply.GetProperty("field").GetString());

        // Nothing refused was stored, and the connection still works.
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<ChatMessage>().CountAsync(m => m.RoomId == publicRoom)));
        await socket.SendAsync(new { type = "send", roomId = publicRoom, clientId = "ok", body = "finally" });
        await socket.ExpectAsync("ack");
    }

    [Fact]
    public async Task RateLimits_RefuseWithRetryAfter_AndAFloodClosesTheSocket()
    {
        await using var host = await LoomHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Loom:Chat:RateLimits:ConnectionBurst"] = "5",
            ["Loom:Chat:RateLimits:ConnectionPerSecond"] = "1",
            ["Loom:Chat:RateLimits:FloodRefusals"] = "10",
        });
        var user = await host.UserAsync();
        await using var socket = await ChatSocket.ConnectAsync(host, user);

        // The auth frame took one token; four pings pass, the fifth is refused (the test clock stands still, nothing refills).
        for (var i = 0; i < 4; i++)
        {
            await socket.SendAsync(new { type = "ping" });
            await socket.ExpectAsync("pong");
        }

        await socket.SendAsync(new { type = "ping", @ref = "over" });
        var limited = await socket.ExpectAsync("error");
        Assert.Equal("rate_limited", limited.GetProperty("code").GetString());
        Assert.Equal("over", limited.GetProperty("ref").GetString());
        Assert.True(limited.GetProperty("retryAfterMs").GetInt64() > 0);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await socket.SendAsync(new { type = "ping", @ref = "later" });
        Assert.Equal("later", (await socket.ExpectAsync("pong")).GetProperty("ref").GetString());

        for (var i = 0; i < 20; i++)
        {
            await socket.SendAsync(new { type = "ping" });
        }

        var frames = new List<JsonElement>();
        while (await socket.NextAsync() is { } frame)
        {
            frames.Add(frame);
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.Socket.CloseStatus);
        Assert.Contains(frames, f => f.GetProperty("type").GetString() == "error" && f.GetProperty("detail").GetString()!.Contains("flooding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainHttpRequest_IsAProblemNamingTheUpgrade()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var response = await user.Client.GetAsync("/api/chat/ws");
        var problem = await ChatApi.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("upgrade", out _));
    }
}
