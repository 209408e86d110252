namespace Worldloom.Platform.Quotas;

/// <summary>How many generations a user has spent in one ISO week.</summary>
public sealed class QuotaUsage
{
    /// <summary>The user.</summary>
    public Guid UserId { get; set; }

    /// <summary>ISO week label such as <c>2026-W48</c>.</summary>
    public required string Week { get; set; }

    /// <summary>Generations spent.</summary>
    public int Used { get; set; }
}
