namespace Worldloom.Platform.Jobs;

/// <summary>Settings under <c>Loom:Jobs</c>.</summary>
public sealed class JobOptions
{
    /// <summary>How often each silo looks for due and abandoned jobs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running attempt renews its lease this often...</summary>
    public TimeSpan LeaseRenewal { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>...and is presumed dead once the lease is this old.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Backoff after the first failed attempt; doubles per attempt.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest backoff.</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Backoff before attempt <paramref name="attempts"/>+1, after <paramref name="attempts"/> failures.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(RetryMax.Ticks, RetryBase.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
