namespace Worldloom.Chat.Realtime;

/// <summary>
/// A token bucket on a caller-supplied clock: <see cref="Burst"/> frames at once, refilled at <see cref="PerSecond"/>.
/// Not thread-safe: each bucket belongs to one connection's read loop, or is locked by its owner.
/// </summary>
public sealed class TokenBucket
{
    private double _tokens;
    private DateTimeOffset _last;

    /// <summary>A full bucket at <paramref name="now"/>.</summary>
    public TokenBucket(int burst, int perSecond, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        Burst = burst;
        PerSecond = perSecond;
        _tokens = burst;
        _last = now;
    }

    /// <summary>Most tokens held.</summary>
    public int Burst { get; }

    /// <summary>Tokens added a second.</summary>
    public int PerSecond { get; }

    /// <summary>Takes one token at <paramref name="now"/>; when there is none, says how long until there is.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (now > _last)
        {
            _tokens = Math.Min(Burst, _tokens + ((now - _last).TotalSeconds * PerSecond));
            _last = now;
        }

        if (_tokens >= 1)
        {
            _tokens -= 1;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = TimeSpan.FromSeconds((1 - _tokens) / PerSecond);
        return false;
    }
}
