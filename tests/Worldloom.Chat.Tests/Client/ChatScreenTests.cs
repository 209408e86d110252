using System.Text.Json;
using Worldloom.Platform.Tests.Support;
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

        screen.Apply(JsonSerializer.SerializeToElement(new { type = "error", code = "muted", detail = "you are muted." }));
        Assert.Equal("error: muted — you are muted.", screen.Status);
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
