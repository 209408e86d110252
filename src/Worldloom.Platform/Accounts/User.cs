namespace Worldloom.Platform.Accounts;

/// <summary>An account. Email is stored lower-cased so look-ups and uniqueness ignore case.</summary>
public sealed class User
{
    /// <summary>Stable id, the <c>sub</c> of its tokens.</summary>
    public Guid Id { get; set; }

    /// <summary>Lower-cased email, unique.</summary>
    public required string Email { get; set; }

    /// <summary>Name shown to others.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Argon2id hash in PHC string format.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>One of <see cref="Roles"/>.</summary>
    public string Role { get; set; } = Roles.User;

    /// <summary>One of <see cref="Tiers"/>.</summary>
    public string Tier { get; set; } = Tiers.Free;

    /// <summary>When the account was registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
