namespace Worldloom.Platform.Accounts;

/// <summary>Subscription tiers and their weekly generation allowance.</summary>
public static class Tiers
{
    /// <summary>Two generations per ISO week.</summary>
    public const string Free = "free";

    /// <summary>One hundred generations per ISO week.</summary>
    public const string Pro = "pro";

    /// <summary>Unlimited generations.</summary>
    public const string Lifetime = "lifetime";

    /// <summary>All tiers.</summary>
    public static readonly IReadOnlyList<string> All = [Free, Pro, Lifetime];

    /// <summary>Generations allowed per week, or null for unlimited.</summary>
    public static int? WeeklyGenerations(string tier) => tier switch
    {
        Free => 2,
        Pro => 100,
        Lifetime => null,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };
}
