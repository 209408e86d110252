using System.Globalization;

namespace Worldloom.Platform.Quotas;

/// <summary>ISO-8601 weeks in UTC: quotas reset every Monday at 00:00 UTC.</summary>
public static class QuotaWeek
{
    /// <summary>The ISO week label of an instant, e.g. <c>2026-W48</c>.</summary>
    public static string Label(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(utc)}-W{ISOWeek.GetWeekOfYear(utc):00}");
    }

    /// <summary>The next Monday 00:00 UTC strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset now)
    {
        var today = now.UtcDateTime.Date;
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        if (daysToMonday == 0)
        {
            daysToMonday = 7;
        }

        return new DateTimeOffset(today.AddDays(daysToMonday), TimeSpan.Zero);
    }
}
