namespace Worldloom.Platform.Hosting;

/// <summary>
/// The platform's one clock: a <see cref="TimeProvider"/> with its own DI identity. Orleans also resolves
/// <see cref="TimeProvider"/> from the container for membership heartbeats, so tests that move the platform's time by
/// days must not move the cluster's; everything in Worldloom that reads time takes this type.
/// </summary>
public sealed class LoomClock(TimeProvider inner) : TimeProvider
{
    /// <summary>The system clock.</summary>
    public static readonly LoomClock SystemClock = new(TimeProvider.System);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
