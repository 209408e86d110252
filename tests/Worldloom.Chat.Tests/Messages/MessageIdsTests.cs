using Worldloom.Chat.Messages;

namespace Worldloom.Chat.Tests.Messages;

public sealed class MessageIdsTests
{
    [Fact]
    public void Next_InOneMillisecond_StrictlyIncreases_AsVersion7()
    {
        var ids = new MessageIds();
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        var made = Enumerable.Range(0, 1000).Select(_ => ids.Next(now)).ToList();

        Assert.Equal(made.Order().ToList(), made);
        Assert.Equal(made.Count, made.Distinct().Count());
        Assert.All(made, id => Assert.Equal(7, id.Version));
        // Text order (SQLite stores GUIDs as text) agrees with the GUID order (PostgreSQL compares uuid bytes).
        Assert.Equal(made.Select(i => i.ToString().ToUpperInvariant()).Order(StringComparer.Ordinal).ToList(), made.Select(i => i.ToString().ToUpperInvariant()).ToList());
    }

    [Fact]
    public void Next_WhenTheClockGoesBack_StillIncreases_AndALaterMillisecondSortsAfter()
    {
        var ids = new MessageIds();
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        var first = ids.Next(now);
        var earlier = ids.Next(now.AddSeconds(-5));
        var later = ids.Next(now.AddMilliseconds(1));

        Assert.True(earlier.CompareTo(first) > 0);
        Assert.True(later.CompareTo(earlier) > 0);
    }

    [Fact]
    public void Successor_IsTheNextIdUp_AcrossAByteCarry()
    {
        var id = Guid.Parse("01a21293-b600-71e6-80cc-f9dcb8b636ff");

        var next = MessageIds.Successor(id);

        Assert.Equal(Guid.Parse("01a21293-b600-71e6-80cc-f9dcb8b63700"), next);
        Assert.True(next.CompareTo(id) > 0);
        Assert.Equal(7, next.Version);
    }
}
