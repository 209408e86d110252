namespace Worldloom.Platform.Accounts;

/// <summary>
/// Brute-force rules as a pure function of recorded failures: 5 failures for one account within 15 minutes lock it
/// for 15 minutes; 20 failures from one address within 15 minutes block that address for 15 minutes.
/// Attempts refused while locked are not recorded, so the lock ends 15 minutes after the failure that triggered it.
/// </summary>
public static class LoginThrottle
{
    /// <summary>The sliding window and the lock length.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Failures that lock an account.</summary>
    public const int AccountThreshold = 5;

    /// <summary>Failures that block an address.</summary>
    public const int IpThreshold = 20;

    /// <summary>
    /// When the block ends, or null if there is none now. <paramref name="failures"/> are failure times (any order);
    /// only those inside the window count.
    /// </summary>
    public static DateTimeOffset? BlockedUntil(IEnumerable<DateTimeOffset> failures, int threshold, DateTimeOffset now)
    {
        var recent = failures.Where(f => f > now - Window && f <= now).OrderByDescending(f => f).ToList();
        if (recent.Count < threshold)
        {
            return null;
        }

        var until = recent[threshold - 1] + Window;
        return until > now ? until : null;
    }
}
