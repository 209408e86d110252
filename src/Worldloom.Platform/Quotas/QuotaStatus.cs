namespace Worldloom.Platform.Quotas;

/// <summary>A user's generation allowance for the current week.</summary>
/// <param name="Limit">Generations allowed this week, or null for unlimited.</param>
/// <param name="Used">Generations spent this week.</param>
/// <param name="Remaining">Left this week, or null for unlimited.</param>
/// <param name="ResetsAt">Next Monday 00:00 UTC.</param>
public sealed record QuotaStatus(int? Limit, int Used, int? Remaining, DateTimeOffset ResetsAt);

/// <summary>The outcome of asking to spend one generation.</summary>
/// <param name="Allowed">Whether it was spent.</param>
/// <param name="Status">The allowance after the attempt.</param>
public sealed record QuotaDecision(bool Allowed, QuotaStatus Status);
