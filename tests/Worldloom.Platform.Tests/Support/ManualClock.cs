namespace Worldloom.Platform.Tests.Support;

/// <summary>A clock tests move by hand; everything time-based in the server reads it through LoomClock, which wraps this.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>Wednesday of ISO week 2026-W48, mid-day.</summary>
    public static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to;
}
