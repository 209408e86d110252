namespace Worldloom.Chat.Moderation;

/// <summary>What a report says is wrong with a message.</summary>
public static class ReportCategories
{
    /// <summary>Unwanted advertising or flooding.</summary>
    public const string Spam = "spam";

    /// <summary>Harassment, hate, threats.</summary>
    public const string Abuse = "abuse";

    /// <summary>Anything else; the reason says what.</summary>
    public const string Other = "other";

    /// <summary>Every category.</summary>
    public static readonly IReadOnlyList<string> All = [Spam, Abuse, Other];
}
