namespace Worldloom.Platform.Accounts;

/// <summary>The roles an account can hold, from least to most privileged.</summary>
public static class Roles
{
    /// <summary>Everyone.</summary>
    public const string User = "user";

    /// <summary>Can moderate chat and stories.</summary>
    public const string Moderator = "moderator";

    /// <summary>Can manage users, tiers and read the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>All roles.</summary>
    public static readonly IReadOnlyList<string> All = [User, Moderator, Admin];
}
