using System.Text.Json;
using Worldloom.Platform.Tests.Support;
using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Cli.Chat;

namespace Worldloom.Chat.Tests.Client;

/// <summary>The terminal client's view-model: frames in, lines out.</summary>
public sealed class ChatScreenTests
{
    private static readonly Guid Me = Guid.CreateVersion7();
    private static readonly Guid Bob = Guid.Parse("0b0b0b0b-0000-7000-8000-000000000000");

    [Fact]
    public void Messages_AreNumbered_WithEditsTombstonesReactionsAndReplyQuotes()
    {
        var (screen, room, _) = Screen();
        // Ids within one millisecond are ordered by the server (MessageIds), not by CreateVersion7: sort them here.
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).Order().ToArray();
        var (first, second, third) = (ids[0], ids[1], ids[2]);
        screen.Apply(Frame("message", Msg(room, first, Bob, "hello")));
        screen.Apply(Frame("message", Msg(room, second, Me, "hi bob", replyTo: first)));
        screen.Apply(Frame("message", Msg(room, third, Bob, "oops")));
        screen.Apply(Frame("message", Msg(room, third, Bob, "oops"))); // a repeat changes nothing
        screen.Apply(Frame("edited", Msg(room, first, Bob, "hello!") with { Edited = true }));
        screen.Apply(JsonSerializer.SerializeToElement(new { type = "deleted", roomId = room, messageId = third }));
        screen.Apply(JsonSerializer.SerializeToElement(new { type = "reaction", roomId = room, messageId = second, reactions = new Dictionary<string, int> { ["👍"] = 2 } }));

        var lines = screen.MessageLines();
        Assert.True(lines.Count == 4, string.Join("\n", lines));
        Assert.Equal(4, lines.Count);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(lines[0], @"^  1 \d\d:\d\d 0b0b0b0b: hello! \(edited\)$"), string.Join("\n", lines));
        Assert.Equal("      ↳ #1 0b0b0b0b: hello!", lines[1]);
        Assert.Matches(@"^  2 \d\d:\d\d me: hi bob  \[👍 2\]$", lines[2]);
        Assert.Matches(@"^  3 \d\d:\d\d 0b0b0b0b: \(message deleted\)$", lines[3]);
        Assert.Equal(first, screen.Numbered(1)!.Id);
        Assert.Null(screen.Numbered(4));
        Assert.Null(screen.Numbered(0));
    }

    [Fact]
    public void OtherRooms_CountUnread_UntilShown_AndMyOwnMessagesDoNot()
    {
        var (screen, room, other) = Screen();
        screen.Apply(Frame("message", Msg(other, Guid.CreateVersion7(), Bob, "psst")));
        screen.Apply(Frame("message", Msg(other, Guid.CreateVersion7(), Bob, "psst again")));
        screen.Apply(Frame("message", Msg(other, Guid.CreateVersion7(), Me, "from my other terminal")));
        screen.Apply(Frame("message", Msg(room, Guid.CreateVersion7(), Bob, "here")));
        Assert.Equal(["> Tavern", "  Cellar (2)"], screen.RoomLines());

        screen.Select(1);
        Assert.Equal(["  Tavern", "> Cellar"], screen.RoomLines());
        Assert.Equal(3, screen.MessageLines().Count);
    }

    [Fact]
    public void Typing_ShowsForFiveSeconds_NotForMe_AndErrorsReachTheStatusLine()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (screen, room, _) = Screen(clock);
        screen.Apply(JsonSerializer.SerializeToElement(new { type = "typing", roomId = room, userId = Me }));
        Assert.Equal("", screen.TypingLine());
        screen.Apply(JsonSerializer.SerializeToElement(new { type = "typing", roomId = room, userId = Bob }));
        Assert.Equal("0b0b0b0b is typing…", screen.TypingLine());
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("", screen.TypingLine());

        Assert.True(screen.TypingDue());
        Assert.False(screen.TypingDue());
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(screen.TypingDue());

        screen.Apply(JsonSerializer.SerializeToElement(new { type = "error", code = "muted", detail = "you are muted." }));
        Assert.Equal("error: muted — you are muted.", screen.Status);
    }

    [Fact]
    public void EncryptedRooms_ShowALock_OpenedText_OrAPlaceholder_NeverTheEnvelope()
    {
        var screen = new ChatScreen(Me, new ManualClock(DateTimeOffset.UnixEpoch));
        var vault = Guid.CreateVersion7();
        screen.SetRooms([new ChatRoom(vault, "Vault", null, "private", true, "member", 0, null, Encrypted: true, KeyEpoch: 1)]);
        var ids = Enumerable.Range(0, 2).Select(_ => Guid.CreateVersion7()).Order().ToArray();
        screen.Apply(Frame("message", Msg(vault, ids[0], Bob, "e1.AAAA") with { ClientId = "one" }));
        screen.Apply(Frame("message", Msg(vault, ids[1], Bob, "e1.BBBB\u001b[31m") with { ClientId = "two" }));
        Assert.Equal(["> 🔒 Vault"], screen.RoomLines());
        Assert.All(screen.MessageLines(), l => Assert.Contains("🔒 (opening…)", l, StringComparison.Ordinal));

        screen.Opener = m => m.ClientId == "one" ? Opened.Ok("secret plans\u001b[2J") : Opened.Failed("🔒 (no key for epoch 1 on this device)");
        var lines = screen.MessageLines();
        Assert.EndsWith("0b0b0b0b: secret plans�[2J", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("0b0b0b0b: 🔒 (no key for epoch 1 on this device)", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("e1.", StringComparison.Ordinal));
        Assert.True(screen.CurrentEncrypted);
    }

    [Fact]
    public void Attachments_ShowUnderTheirMessage_WithSizeAndTheDownloadCommand()
    {
        var (screen, room, _) = Screen();
        var id = Guid.CreateVersion7();
        var files = new[]
        {
            new ChatAttachment(Guid.CreateVersion7(), "map.png", 1_234_567, "image/png", 1 << 20, 2, "k"),
            new ChatAttachment(Guid.CreateVersion7(), "notes\n.txt", 999, null, 1 << 20, 1, "k"),
        };
        screen.Apply(Frame("message", Msg(room, id, Bob, "two files") with { Attachments = files }));
        var lines = screen.MessageLines();
        Assert.Equal(3, lines.Count);
        Assert.Equal("      📎 1. map.png (1.2 MB)   /download 1", lines[1]);
        Assert.Equal("      📎 2. notes .txt (999 B)   /download 1", lines[2]);
        Assert.Equal("1.5 KB", ChatScreen.Size(1_500));
    }

    [Fact]
    public void PageUp_HoldsTheView_AsksForEarlierAtTheTop_AndPageDown_FollowsTheNewestAgain()
    {
        var (screen, room, _) = Screen();
        var all = Enumerable.Range(0, 35).Select(_ => Guid.CreateVersion7()).Order().ToArray();
        var (earlier, ids) = (all[..5], all[5..]);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            screen.Apply(Frame("message", Msg(room, id, Bob, $"m{i}")));
        }

        Assert.Null(screen.AnchorLine());
        Assert.False(screen.PageUp(10));
        Assert.Equal(19, screen.AnchorLine());
        Assert.False(screen.PageUp(10));
        Assert.Equal(9, screen.AnchorLine());
        Assert.True(screen.PageUp(10));
        Assert.Equal(0, screen.AnchorLine());

        // An earlier page arrives: the view stays on the same message, now further down.
        screen.Log(room).MergeAll(earlier.Select(id => Msg(room, id, Bob, "older")));
        Assert.Equal(ids[0], screen.Anchor);
        _ = screen.MessageLines();
        Assert.Equal(5, screen.AnchorLine());

        screen.PageDown(10);
        Assert.Equal(15, screen.AnchorLine());
        screen.PageDown(10);
        screen.PageDown(10);
        Assert.Null(screen.AnchorLine());
        Assert.Null(screen.Anchor);
    }

    [Fact]
    public void SearchResults_ShowRoomAuthorTimeAndBracketedMatches_InPlaceOfTheMessages_UntilClosed()
    {
        var (screen, room, _) = Screen();
        var message = Msg(room, Guid.CreateVersion7(), Bob, "the red dragon sleeps");
        HighlightSegment[] highlight = [new("the red ", false), new("dragon", true), new(" sleeps", false)];
        screen.ShowSearch("dragon", [new SearchHit(message, 1.5, highlight)]);
        var line = Assert.Single(screen.SearchLines());
        Assert.Matches(@"^  1 #Tavern 0b0b0b0b \d\d-\d\d \d\d:\d\d: the red \[dragon\] sleeps$", line);
        screen.Name([new ChatUser(Bob, "Bob")]);
        Assert.Contains(" Bob ", Assert.Single(screen.SearchLines()), StringComparison.Ordinal);

        screen.ShowSearch("nothing", []);
        Assert.Equal(["no results for \"nothing\"  (Esc: back)"], screen.SearchLines());
        screen.CloseSearch();
        Assert.Null(screen.SearchResults);
        Assert.Empty(screen.SearchLines());
    }

    [Fact]
    public void LocalSearch_FindsEveryWord_CaseInsensitive_AndMarksEachOccurrence()
    {
        var room = Guid.CreateVersion7();
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).Order().ToArray();
        var opened = new[]
        {
            (Msg(room, ids[0], Bob, "e1.x"), "The Dragon sleeps in the lair"),
            (Msg(room, ids[1], Bob, "e1.y"), "no match here"),
            (Msg(room, ids[2], Me, "e1.z"), "dragon, dragon!"),
        };
        var hits = LocalSearch.Find("dragon", opened);
        Assert.Equal([ids[2], ids[0]], hits.Select(h => h.Message.Id));
        Assert.Equal([new HighlightSegment("dragon", true), new HighlightSegment(", ", false), new HighlightSegment("dragon", true), new HighlightSegment("!", false)], hits[0].Highlight);
        Assert.Single(LocalSearch.Find("LAIR dragon", opened));
        Assert.Empty(LocalSearch.Find("   ", opened));
    }

    [Fact]
    public async Task FramesAppliedOnOneThread_WhileAnotherRendersAndSwitchesRooms_LoseNothingAndNeverThrow()
    {
        // loom chat applies frames on its UI thread while commands (/join, /search, history pages) change the screen from
        // the thread pool; without the screen's lock the renderer met collections changing under it.
        var (screen, room, other) = Screen();
        var ids = Enumerable.Range(0, 4000).Select(_ => Guid.CreateVersion7()).Order().ToArray();
        using var go = new Barrier(2);
        var frames = Task.Run(() =>
        {
            go.SignalAndWait();
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                screen.Apply(Frame("message", Msg(i % 2 == 0 ? room : other, id, Bob, "m" + i)));
            }
        });
        var renders = Task.Run(() =>
        {
            go.SignalAndWait();
            var n = 0;
            while (!frames.IsCompleted)
            {
                screen.Select(n++ % 2);
                _ = screen.MessageLines();
                _ = screen.RoomLines();
                _ = screen.UnnamedAuthors();
                // A history page: one of the messages the frames bring too, merged into its own room's log.
                var k = n % ids.Length;
                var of = k % 2 == 0 ? room : other;
                screen.Log(of).MergeAll([Msg(of, ids[k], Bob, "m" + k)]);
            }
        });
        await Task.WhenAll(frames, renders);

        Assert.Equal(2000, screen.Log(room).Messages.Count);
        Assert.Equal(2000, screen.Log(other).Messages.Count);
    }

    private static (ChatScreen Screen, Guid Room, Guid Other) Screen(TimeProvider? time = null)
    {
        var screen = new ChatScreen(Me, time ?? new ManualClock(DateTimeOffset.UnixEpoch));
        var room = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        screen.SetRooms([new ChatRoom(room, "Tavern", null, "public", true, "member", 0, null), new ChatRoom(other, "Cellar", null, "public", true, "member", 0, null)]);
        return (screen, room, other);
    }

    private static ChatMessage Msg(Guid room, Guid id, Guid author, string body, Guid? replyTo = null) =>
        OutboxAndLogTests.Message(id, body, author, replyTo) with { RoomId = room };

    private static JsonElement Frame(string type, ChatMessage message) =>
        JsonSerializer.SerializeToElement(new { type, message }, ChatJson.Options);
}
