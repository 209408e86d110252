using System.Text.Json;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Client;

/// <summary>ChatLink against the real server on the in-memory transport.</summary>
[Trait("Category", "Integration")]
public sealed class ChatLinkTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TwoLinks_Chat_BothWays_WithAcksAndReplies()
    {
        var (host, alice, bob, room) = await TwoMembersAsync();

        await using var a = Link(host, alice);
        await using var b = Link(host, bob);
        await a.StartAsync();
        await b.StartAsync();
        Assert.Equal(alice.Id, a.UserId);
        await a.SubscribeAsync(room);
        await b.SubscribeAsync(room);

        var ack = await a.SendAsync(room, "hello bob").WaitAsync(Patience);
        var first = ack.GetProperty("messageId").GetGuid();
        var atBob = await NextMessageAsync(b);
        Assert.Equal(first, atBob.Id);
        Assert.Equal("hello bob", atBob.Body);
        Assert.Equal(0, a.Outbox.Count);

        await b.SendAsync(room, "hi alice", replyTo: first).WaitAsync(Patience);
        var atAlice = await NextMessageAsync(a, m => m.AuthorId == bob.Id);
        Assert.Equal(first, atAlice.ReplyTo);

        // REST through the client library: an edit reaches the other link live.
        var rest = new ChatRest(alice.Client);
        await rest.EditAsync(first, "hello, bob");
        var edited = await NextFrameAsync(b, "edited");
        Assert.True(edited.GetProperty("message").GetProperty("edited").GetBoolean());
        Assert.Contains(await rest.RoomsAsync(), r => r.Id == room && r.Joined == true);
    }

    [Fact]
    public async Task Reconnect_ResumesWithoutLossOrDuplicates_AndResendsTheOutboxOnce()
    {
        var (host, alice, bob, room) = await TwoMembersAsync();
        await using var a = Link(host, alice);
        await using var b = Link(host, bob);
        await a.StartAsync();
        await b.StartAsync();
        await a.SubscribeAsync(room);
        await b.SubscribeAsync(room);
        await a.SendAsync(room, "before").WaitAsync(Patience);
        Assert.Equal("before", (await NextMessageAsync(b)).Body);

        b.Interrupt();
        var sent = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add((await a.SendAsync(room, $"while away {i}").WaitAsync(Patience)).GetProperty("messageId").GetGuid());
        }

        // Bob writes while disconnected: it waits in the outbox, goes out after the reconnect, and is stored once.
        var bobsAck = b.SendAsync(room, "written offline", clientId: "offline-1");
        var ack = await bobsAck.WaitAsync(Patience);
        Assert.True(b.Connections >= 2);
        Assert.Equal(0, b.Outbox.Count);

        var seen = new List<ChatMessage>();
        while (seen.Count < 6)
        {
            seen.Add(await NextMessageAsync(b));
        }

        await b.PingAsync().WaitAsync(Patience);
        while (b.Events.TryRead(out var extra))
        {
            if (extra.GetProperty("type").GetString() == "message")
            {
                seen.Add(Read(extra));
            }
        }

        Assert.Equal([.. sent, ack.GetProperty("messageId").GetGuid()], seen.Select(m => m.Id));
        var page = await ChatApi.JsonAsync(await alice.Client.GetAsync($"/api/chat/rooms/{room}/messages?limit=50"), System.Net.HttpStatusCode.OK);
        Assert.Single(page.EnumerateArray(), m => m.GetProperty("clientId").GetString() == "offline-1");
        var atAlice = await NextMessageAsync(a, m => m.ClientId == "offline-1");
        Assert.Equal("written offline", atAlice.Body);
    }

    [Fact]
    public async Task AReconnect_WhoseTokenRefreshFails_IsTriedAgain_AndResumes()
    {
        var (host, alice, bob, room) = await TwoMembersAsync();
        await using var a = Link(host, alice);
        var calls = 0;
        var states = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var b = Link(host, bob, _ => Interlocked.Increment(ref calls) == 2
            ? throw new ChatRestException(System.Net.HttpStatusCode.ServiceUnavailable, "the session could not be refreshed")
            : Task.FromResult(bob.AccessToken));
        b.StateChanged += states.Enqueue;
        await a.StartAsync();
        await b.StartAsync();
        await b.SubscribeAsync(room);
        await a.SendAsync(room, "before").WaitAsync(Patience);
        Assert.Equal("before", (await NextMessageAsync(b)).Body);

        b.Interrupt();
        var ack = await a.SendAsync(room, "while the refresh failed").WaitAsync(Patience);
        Assert.Equal(ack.GetProperty("messageId").GetGuid(), (await NextMessageAsync(b)).Id);
        Assert.True(calls >= 3, $"token asked {calls} times");
        Assert.Contains("disconnected: the session could not be refreshed", states);
    }

    [Fact]
    public async Task Refusals_FailTheSend_AndLeaveTheOutboxEmpty()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var stranger = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await using var s = Link(host, stranger);
        await s.StartAsync();

        var refused = await Assert.ThrowsAsync<ChatLinkException>(() => s.SendAsync(room, "let me in").WaitAsync(Patience));
        Assert.Equal("not_member", refused.Code);
        Assert.Equal(0, s.Outbox.Count);
        var sub = await Assert.ThrowsAsync<ChatLinkException>(() => s.SubscribeAsync(room).WaitAsync(Patience));
        Assert.Equal("not_member", sub.Code);
    }

    internal static ChatLink Link(LoomHost host, TestUser user, Func<CancellationToken, Task<string>>? accessToken = null) => new(
        (token, ct) =>
        {
            var client = host.WebSockets();
            client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
            return client.ConnectAsync(new Uri("ws://localhost/api/chat/ws"), ct);
        },
        accessToken ?? (_ => Task.FromResult(user.AccessToken)));

    /// <summary>Alice's room, with Bob a member too.</summary>
    private async Task<(LoomHost Host, TestUser Alice, TestUser Bob, Guid Room)> TwoMembersAsync()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        return (host, alice, bob, room);
    }

    private static async Task<ChatMessage> NextMessageAsync(ChatLink link, Func<ChatMessage, bool>? where = null)
    {
        while (true)
        {
            var m = Read(await NextFrameAsync(link, "message"));
            if (where is null || where(m))
            {
                return m;
            }
        }
    }

    private static async Task<JsonElement> NextFrameAsync(ChatLink link, string type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var frame = await link.Events.ReadAsync(timeout.Token);
            if (frame.GetProperty("type").GetString() == type)
            {
                return frame;
            }
        }
    }

    private static ChatMessage Read(JsonElement frame) => frame.GetProperty("message").Deserialize<ChatMessage>(ChatJson.Options)!;
}
