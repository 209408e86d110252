using Worldloom.Chat.Realtime;

namespace Worldloom.Chat.Tests.Realtime;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Burst_ThenRefusal_WithTheWaitUntilTheNextToken()
    {
        var bucket = new TokenBucket(burst: 3, perSecond: 2, Start);

        Assert.True(bucket.TryTake(Start, out _));
        Assert.True(bucket.TryTake(Start, out _));
        Assert.True(bucket.TryTake(Start, out _));
        Assert.False(bucket.TryTake(Start, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(500), wait);
    }

    [Fact]
    public void Refills_AtTheRate_UpToTheBurst()
    {
        var bucket = new TokenBucket(burst: 2, perSecond: 4, Start);
        Assert.True(bucket.TryTake(Start, out _));
        Assert.True(bucket.TryTake(Start, out _));

        var later = Start.AddMilliseconds(250);
        Assert.True(bucket.TryTake(later, out _));
        Assert.False(bucket.TryTake(later, out _));

        // An hour idle refills only to the burst.
        var muchLater = Start.AddHours(1);
        Assert.True(bucket.TryTake(muchLater, out _));
        Assert.True(bucket.TryTake(muchLater, out _));
        Assert.False(bucket.TryTake(muchLater, out _));
    }

    [Fact]
    public void AClockGoingBack_NeitherRefillsNorThrows()
    {
        var bucket = new TokenBucket(burst: 1, perSecond: 1, Start);
        Assert.True(bucket.TryTake(Start, out _));
        Assert.False(bucket.TryTake(Start.AddSeconds(-30), out _));
    }
}
