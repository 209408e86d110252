namespace Worldloom.Platform.Quotas;

/// <summary>The one gate every module calls before a generation.</summary>
public interface IQuotaService
{
    /// <summary>The user's allowance this week, without spending any.</summary>
    Task<QuotaStatus> GetAsync(Guid userId, string tier, CancellationToken cancellationToken = default);

    /// <summary>Spends one generation if the tier allows it. Atomic: concurrent callers never overspend.</summary>
    Task<QuotaDecision> TryConsumeAsync(Guid userId, string tier, CancellationToken cancellationToken = default);
}
