using Worldloom.Platform.Accounts;

namespace Worldloom.Platform.Tests.Accounts;

public sealed class LoginThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BelowThreshold_NotBlocked() =>
        Assert.Null(LoginThrottle.BlockedUntil(Minutes(1, 2, 3, 4), LoginThrottle.AccountThreshold, Now));

    [Fact]
    public void AtThreshold_BlockedFifteenMinutesFromTheTriggeringFailure()
    {
        var until = LoginThrottle.BlockedUntil(Minutes(10, 8, 6, 4, 2), LoginThrottle.AccountThreshold, Now);

        // The fifth most recent failure was 10 minutes ago.
        Assert.Equal(Now.AddMinutes(5), until);
    }

    [Fact]
    public void FailuresOutsideWindow_DoNotCount() =>
        Assert.Null(LoginThrottle.BlockedUntil(Minutes(16, 20, 30, 1, 2), LoginThrottle.AccountThreshold, Now));

    [Fact]
    public void IpThreshold_IsTwenty()
    {
        Assert.Null(LoginThrottle.BlockedUntil(Enumerable.Range(0, 19).Select(i => Now.AddSeconds(-i)), LoginThrottle.IpThreshold, Now));
        Assert.NotNull(LoginThrottle.BlockedUntil(Enumerable.Range(0, 20).Select(i => Now.AddSeconds(-i)), LoginThrottle.IpThreshold, Now));
    }

    private static IEnumerable<DateTimeOffset> Minutes(params int[] ago) => ago.Select(m => Now.AddMinutes(-m));
}
