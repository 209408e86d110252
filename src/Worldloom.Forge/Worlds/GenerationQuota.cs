using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Quotas;

namespace Worldloom.Forge.Worlds;

/// <summary>Spends one generation of the caller's weekly quota, the way every Forge endpoint that generates does.</summary>
public static class GenerationQuota
{
    /// <summary>
    /// Spends one unit for <paramref name="userId"/> at their tier as stored (not as the token says). Writes the
    /// <c>X-Quota-*</c> headers and returns null when allowed; returns the 429 to answer with when spent.
    /// </summary>
    public static async Task<IResult?> SpendAsync(LoomDb db, IQuotaService quota, LoomClock clock, HttpContext http, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(http);
        var tier = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Tier).SingleAsync(ct);
        var decision = await quota.TryConsumeAsync(userId, tier, ct);
        if (!decision.Allowed)
        {
            return QuotaResults.Exceeded(decision.Status, clock.GetUtcNow());
        }

        QuotaResults.WriteHeaders(http.Response, decision.Status);
        return null;
    }
}
