using Worldloom.Platform.Quotas;

namespace Worldloom.Platform.Tests.Quotas;

public sealed class QuotaWeekTests
{
    [Theory]
    [InlineData("2026-11-25T12:00:00Z", "2026-W48", "2026-11-30T00:00:00Z")]
    [InlineData("2026-11-30T00:00:00Z", "2026-W49", "2026-12-07T00:00:00Z")]
    [InlineData("2026-11-29T23:59:59Z", "2026-W48", "2026-11-30T00:00:00Z")]
    [InlineData("2027-01-01T10:00:00Z", "2026-W53", "2027-01-04T00:00:00Z")]
    [InlineData("2024-12-30T00:00:00Z", "2025-W01", "2025-01-06T00:00:00Z")]
    public void LabelAndReset_FollowIsoWeeksInUtc(string now, string label, string reset)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(label, QuotaWeek.Label(at));
        Assert.Equal(DateTimeOffset.Parse(reset, System.Globalization.CultureInfo.InvariantCulture), QuotaWeek.NextReset(at));
    }

    [Fact]
    public void Label_UsesUtcNotLocalOffset()
    {
        // Monday 01:00 at +02:00 is still Sunday in UTC.
        var at = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2026-W48", QuotaWeek.Label(at));
    }
}
