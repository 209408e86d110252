using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;

using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Quotas;

/// <summary>
/// Counts generations per user per ISO week in the database. Spending is one conditional
/// <c>UPDATE ... SET used = used + 1 WHERE used &lt; limit</c>, so the database, not this process, decides races:
/// it holds across threads and across cluster nodes.
/// </summary>
public sealed class QuotaService(LoomDb db, LoomClock clock) : IQuotaService
{
    /// <inheritdoc />
    public async Task<QuotaStatus> GetAsync(Guid userId, string tier, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var week = QuotaWeek.Label(now);
        var used = await db.QuotaUsage.AsNoTracking()
            .Where(q => q.UserId == userId && q.Week == week)
            .Select(q => q.Used)
            .FirstOrDefaultAsync(cancellationToken);
        return Status(Tiers.WeeklyGenerations(tier), used, now);
    }

    /// <inheritdoc />
    public async Task<QuotaDecision> TryConsumeAsync(Guid userId, string tier, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var week = QuotaWeek.Label(now);
        var limit = Tiers.WeeklyGenerations(tier);

        // At most: update fails for lack of a row, row inserted (or a racer inserted it), update again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var rows = db.QuotaUsage.Where(q => q.UserId == userId && q.Week == week);
            if (limit is { } max)
            {
                rows = rows.Where(q => q.Used < max);
            }

            if (await rows.ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used + 1), cancellationToken) == 1)
            {
                return new QuotaDecision(true, await GetAsync(userId, tier, cancellationToken));
            }

            if (await db.QuotaUsage.AnyAsync(q => q.UserId == userId && q.Week == week, cancellationToken))
            {
                LoomMetrics.QuotaRefusals.WithLabels(tier).Inc();
                return new QuotaDecision(false, await GetAsync(userId, tier, cancellationToken));
            }

            try
            {
                db.QuotaUsage.Add(new QuotaUsage { UserId = userId, Week = week, Used = 0 });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request created the row first; the next update sees it.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        throw new InvalidOperationException("The quota row could not be created.");
    }

    private static QuotaStatus Status(int? limit, int used, DateTimeOffset now) =>
        new(limit, used, limit is { } max ? Math.Max(0, max - used) : null, QuotaWeek.NextReset(now));
}
