using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Cli.Chat;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Client;

/// <summary>The terminal's scroll-back and search jumps over REST, against the real server.</summary>
[Trait("Category", "Integration")]
public sealed class ChatSessionTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task PageUp_LoadsEarlierPages_UntilTheBeginning_AndASearchHit_JumpsBackToItsMessage()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice);
        var first = await ChatApi.MessageAsync(alice, room, "the very first dragon");
        for (var i = 0; i < 59; i++)
        {
            await ChatApi.MessageAsync(alice, room, $"filler {i}");
        }

        var rest = new ChatRest(alice.Client);
        await using var link = new ChatLink(ChatSockets.Over(new Uri("http://127.0.0.1:1")), _ => Task.FromResult(""));
        var screen = new ChatScreen(alice.Id, TimeProvider.System);
        screen.SetRooms(await rest.RoomsAsync());
        var session = new ChatSession(screen, link, rest);

        await session.EarlierAsync(CancellationToken.None);
        Assert.Equal(50, screen.Log(room).Messages.Count);
        await session.EarlierAsync(CancellationToken.None);
        Assert.Equal(60, screen.Log(room).Messages.Count);
        Assert.Equal("10 earlier message(s)", screen.Status);
        await session.EarlierAsync(CancellationToken.None);
        Assert.Equal("the beginning of this room", screen.Status);

        // A fresh screen holds only the newest page: the jump loads back to the hit and holds the view there.
        var fresh = new ChatScreen(alice.Id, TimeProvider.System);
        fresh.SetRooms(await rest.RoomsAsync());
        var jumper = new ChatSession(fresh, link, rest);
        await jumper.EarlierAsync(CancellationToken.None);
        var page = await rest.SearchAsync("dragon");
        Assert.Equal(1, page.Total);
        fresh.ShowSearch("dragon", page.Results);
        Assert.Contains("[dragon]", Assert.Single(fresh.SearchLines()), StringComparison.Ordinal);
        await jumper.JumpAsync(0, CancellationToken.None);
        Assert.Null(fresh.SearchResults);
        Assert.Equal(first.GetProperty("id").GetGuid(), fresh.Anchor);
        Assert.Equal(0, fresh.AnchorLine());
        Assert.Equal(60, fresh.Log(room).Messages.Count);
    }
}
