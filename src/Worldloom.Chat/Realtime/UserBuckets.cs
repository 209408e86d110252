using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;

namespace Worldloom.Chat.Realtime;

/// <summary>Each user's frame budget over all their connections on this node.</summary>
public sealed class UserBuckets(IOptions<ChatRealtimeOptions> options, LoomClock clock)
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> _buckets = new();

    /// <summary>Takes one frame from <paramref name="userId"/>'s bucket.</summary>
    public bool TryTake(Guid userId, out TimeSpan retryAfter)
    {
        var limits = options.Value.RateLimits;
        var now = clock.GetUtcNow();
        var bucket = _buckets.GetOrAdd(userId, _ => new TokenBucket(limits.UserBurst, limits.UserPerSecond, now));
        lock (bucket)
        {
            return bucket.TryTake(now, out retryAfter);
        }
    }
}
