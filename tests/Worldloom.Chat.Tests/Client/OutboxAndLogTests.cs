using Worldloom.Chat.Client.Realtime;

namespace Worldloom.Chat.Tests.Client;

/// <summary>The pure parts of the client: the outbox of unacknowledged sends, and merging messages by id.</summary>
public sealed class OutboxAndLogTests
{
    private static readonly Guid Room = Guid.CreateVersion7();

    [Fact]
    public void Outbox_KeepsOrder_IgnoresRepeats_AndForgetsAcked()
    {
        var outbox = new Outbox();
        Assert.True(outbox.Add(new PendingSend(Room, "a", "one", null)));
        Assert.True(outbox.Add(new PendingSend(Room, "b", "two", null)));
        Assert.False(outbox.Add(new PendingSend(Room, "a", "one again", null)));
        Assert.Equal(["a", "b"], outbox.Snapshot().Select(p => p.ClientId));

        Assert.Equal("one", outbox.Acknowledge(Room, "a")!.Body);
        Assert.Null(outbox.Acknowledge(Room, "a"));
        Assert.Null(outbox.Acknowledge(Guid.CreateVersion7(), "b"));
        Assert.Equal(["b"], outbox.Snapshot().Select(p => p.ClientId));
    }

    [Fact]
    public void Log_MergesOverlappingPages_ById_InIdOrder_NewestVersionWins()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).Order().ToArray();
        var log = new MessageLog();
        log.MergeAll(ids[..3].Reverse().Select(id => Message(id, "v1")));
        log.MergeAll(ids[1..].Select(id => Message(id, id == ids[2] ? "v2" : "v1")));

        Assert.Equal(ids, log.Messages.Select(m => m.Id));
        Assert.Equal("v2", log.Find(ids[2])!.Body);
        Assert.Equal(ids[4], log.LastId);
        Assert.False(log.Merge(Message(ids[0], "again")));
    }

    [Fact]
    public void Log_TombstoneClearsBodyAndReactions()
    {
        var id = Guid.CreateVersion7();
        var log = new MessageLog();
        log.Merge(Message(id, "secret") with { Reactions = new Dictionary<string, int> { ["👍"] = 2 } });
        log.Tombstone(id);
        log.Tombstone(Guid.CreateVersion7());

        var m = log.Find(id)!;
        Assert.True(m.Deleted);
        Assert.Null(m.Body);
        Assert.Empty(m.Reactions!);
        Assert.Single(log.Messages);
    }

    [Fact]
    public void ClientIds_FollowTheRestRule()
    {
        var id = ChatLink.NewClientId();
        Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id);
        Assert.NotEqual(id, ChatLink.NewClientId());
    }

    internal static ChatMessage Message(Guid id, string body, Guid? author = null, Guid? replyTo = null) =>
        new(id, Room, author ?? Guid.Empty, "c" + id.ToString("N"), body, replyTo, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), false, null, false, null);
}
